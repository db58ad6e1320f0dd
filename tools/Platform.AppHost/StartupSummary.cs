using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Infrastructure;
using Platform.AppHost.Resources;

namespace Platform.AppHost;

/// <summary>Tells the developer where everything is, once, after the app host has started.</summary>
internal static class StartupSummary
{
    public static void Log(IServiceProvider services, LocalInfrastructure infrastructure, PlatformSettings settings)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.AppHost");
        logger.LogInformation("Gateway (public API):  {GatewayUrl}  token endpoint {GatewayUrl}/connect/token", settings.GatewayUrl, settings.GatewayUrl);
        logger.LogInformation("Dashboard:             {DashboardUrl}", settings.DashboardUrl ?? "(disabled)");
        foreach (var service in PlatformComponent.Services)
        {
            logger.LogInformation(
                "Service {Name,-18} {Url}  health {ManagementUrl}/health/ready", service.Name, service.Url, service.ManagementUrl);
        }

        logger.LogInformation("PostgreSQL:            {ConnectionString}  (data in {DataDirectory})",
            infrastructure.PostgresConnectionString, infrastructure.PostgresDataDirectory);
        logger.LogInformation("Kafka bootstrap:       {BootstrapServers}  ({Brokers} embedded brokers, {Partitions} partitions per topic)",
            infrastructure.KafkaBootstrapServers, LocalInfrastructure.KafkaBrokers, LocalInfrastructure.TopicPartitions);
        foreach (var client in DemoClients())
        {
            logger.LogInformation("Demo client:           {Client}", client);
        }
    }

    /// <summary>The clients the gateway's development configuration registers, as the developer will use them.</summary>
    private static IEnumerable<string> DemoClients()
    {
        var gatewayDirectory = Path.GetDirectoryName(new Projects.Platform_Gateway().ProjectPath)!;
        var configuration = new ConfigurationBuilder()
            .SetBasePath(gatewayDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile("appsettings.Development.json", optional: true)
            .Build();
        var clients = configuration.GetSection("TokenIssuer:Clients").GetChildren().ToList();
        if (clients.Count == 0)
        {
            return ["coordinator / coordinator-secret (grant_type=client_credentials)"];
        }

        return clients.Select(c => string.Join(
            "  ",
            new[] { c["ClientId"], "role " + c["Role"], c["CityId"] is { } city ? "city " + city : null, c["Description"] }
                .Where(part => !string.IsNullOrWhiteSpace(part))));
    }
}
