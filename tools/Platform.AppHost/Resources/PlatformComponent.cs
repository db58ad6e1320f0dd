using System.Globalization;

namespace Platform.AppHost.Resources;

/// <summary>
/// One process of the platform and its two fixed loopback ports: the API port and the management port
/// (health and metrics, never routed by the gateway; architecture.md §6). Fixed ports keep URLs stable
/// between runs, so the gateway's routes and a developer's bookmarks need no service discovery.
/// </summary>
internal sealed record PlatformComponent(string Name, int HttpPort, int ManagementPort)
{
    public static readonly PlatformComponent CostSharing = new("cost-sharing", 5101, 9101);
    public static readonly PlatformComponent CompensationFund = new("compensation-fund", 5102, 9102);
    public static readonly PlatformComponent TrustScore = new("trust-score", 5103, 9103);
    public static readonly PlatformComponent Evaluation = new("evaluation", 5104, 9104);
    public static readonly PlatformComponent Communication = new("communication", 5105, 9105);
    public static readonly PlatformComponent FinanceConsole = new("finance-console", 5106, 9106);
    public const int GatewayManagementPort = 9100;

    public static IReadOnlyList<PlatformComponent> Services => [CostSharing, CompensationFund, TrustScore, Evaluation, Communication];

    public static PlatformComponent Gateway(int httpPort) => new("gateway", httpPort, GatewayManagementPort);

    public string Url => Loopback(HttpPort);

    public string ManagementUrl => Loopback(ManagementPort);

    private static string Loopback(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
}
