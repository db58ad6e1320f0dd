using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Infrastructure;
using Platform.AppHost.Resources;

namespace Platform.AppHost;

/// <summary>Tells the developer where everything is, once, as the app host starts the resources.</summary>
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
        logger.LogInformation(
            "Demo clients (client credentials at the token endpoint, e.g. coordinator / coordinator-secret): {Clients}",
            string.Join("; ", DemoClients()));
    }

    /// <summary>The clients the gateway's development configuration registers (their secrets are in the README).</summary>
    private static IEnumerable<string> DemoClients()
    {
        var gatewayDirectory = Path.GetDirectoryName(new Projects.Platform_Gateway().ProjectPath)!;
        var configuration = new ConfigurationBuilder()
            .SetBasePath(gatewayDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile("appsettings.Development.json", optional: true)
            .Build();
        return configuration.GetSection("TokenIssuer:Clients").GetChildren().Select(client => string.Join(
            ", ",
            new[] { client["ClientId"], "role " + client["Role"], client["CityId"], client["EvaluatorId"] }
                .Where(part => !string.IsNullOrWhiteSpace(part))));
    }
}
