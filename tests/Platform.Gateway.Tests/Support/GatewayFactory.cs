using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Gateway.Tests.Support;

/// <summary>
/// The gateway in memory, with the test key pair, the test clients, health on the main port, rate limits too high
/// to matter and the environment <c>Testing</c> (so the demo clients of Development are not loaded).
/// <see cref="Overrides"/> win over the defaults. <see cref="StartOnKestrel"/> serves it on a real loopback port,
/// where Kestrel's limits (the request body size) apply as in production.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    public const string Issuer = "https://issuer.test";
    public const string Audience = "platform-api-test";

    public static IReadOnlyDictionary<string, string?> DefaultSettings(bool withTestClients) =>
        new Dictionary<string, string?>(withTestClients ? TestClients.Settings() : [])
    {
        ["Management:Port"] = "",
        ["ConnectionStrings:postgres"] = GatewayDatabase.ConnectionString,
        ["Auth:Issuer"] = Issuer,
        ["Auth:Audience"] = Audience,
        ["Auth:SigningKeys:0"] = TestKeys.PublicKeyPem,
        ["TokenIssuer:SigningKeyPem"] = TestKeys.PrivateKeyPem,
        ["RateLimiting:Clients:PermitLimit"] = "10000",
        ["RateLimiting:Clients:TokensPerPeriod"] = "10000",
        ["RateLimiting:Anonymous:PermitLimit"] = "10000",
        ["RateLimiting:Anonymous:TokensPerPeriod"] = "10000",
        ["Retry:Delay"] = "00:00:00.010",
    };

    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>False to leave <c>TokenIssuer:Clients</c> to the environment's appsettings (the demo clients).</summary>
    public bool RegisterTestClients { get; init; } = true;

    /// <summary>Points every cluster at <paramref name="address"/>.</summary>
    public static Dictionary<string, string?> AllClustersAt(string address) =>
        new[] { "cost-sharing", "compensation-fund", "trust-score", "evaluation", "communication" }
            .ToDictionary(c => $"ReverseProxy:Clusters:{c}:Destinations:d1:Address", _ => (string?)address);

    public GatewayFactory StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        var settings = new Dictionary<string, string?>(DefaultSettings(RegisterTestClients));
        foreach (var (key, value) in Overrides)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
