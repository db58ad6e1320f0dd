using Microsoft.Extensions.Configuration;

namespace Platform.AppHost;

/// <summary>The app host's own settings (section <c>Platform</c>) and where its dashboard listens.</summary>
internal sealed record PlatformSettings(int PostgresPort, int GatewayPort, string? DashboardUrl)
{
    public const int DefaultPostgresPort = 55432;
    public const int DefaultGatewayPort = 8080;

    public static PlatformSettings From(IConfiguration configuration) => new(
        configuration.GetValue("Platform:PostgresPort", DefaultPostgresPort),
        configuration.GetValue("Platform:GatewayPort", DefaultGatewayPort),
        configuration["ASPNETCORE_URLS"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault());
}
