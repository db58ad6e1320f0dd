using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Platform.AppHost;

/// <summary>The app host's own settings, from the <c>Platform</c> configuration section.</summary>
internal sealed record PlatformSettings(int PostgresPort, int GatewayPort, string? DashboardUrl)
{
    public const int DefaultPostgresPort = 55432;
    public const int DefaultGatewayPort = 8080;

    public string GatewayUrl => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{GatewayPort}");

    public static PlatformSettings From(IConfiguration configuration) => new(
        configuration.GetValue("Platform:PostgresPort", DefaultPostgresPort),
        configuration.GetValue("Platform:GatewayPort", DefaultGatewayPort),
        configuration["ASPNETCORE_URLS"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault());
}
