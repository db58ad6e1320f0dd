using System.Text;
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
        var gateway = PlatformComponent.Gateway(settings.GatewayPort);
        var text = new StringBuilder("Local platform:").AppendLine()
            .AppendLine($"  Gateway (public API)   {gateway.Url}   token: POST {gateway.Url}/connect/token")
            .AppendLine($"  Finance console        {gateway.Url}/console   (demo people, password Demo-Password-1: see the README)")
            .AppendLine($"  Dashboard              {settings.DashboardUrl ?? "(disabled)"}");
        foreach (var component in PlatformComponent.Services.Append(gateway))
        {
            text.AppendLine($"  {component.Name,-22} {component.Url}   health {component.ManagementUrl}/health/ready");
        }

        text.AppendLine($"  PostgreSQL             {infrastructure.PostgresConnectionString}   (data in {infrastructure.PostgresDataDirectory})")
            .AppendLine($"  Kafka bootstrap        {infrastructure.KafkaBootstrapServers}   ({LocalInfrastructure.KafkaBrokers} embedded brokers, {LocalInfrastructure.TopicPartitions} partitions per topic)")
            .AppendLine($"  Demo clients           {string.Join(", ", DemoClients())}")
            .Append("                         (client credentials, e.g. coordinator / coordinator-secret; all secrets in the README)");
        services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.AppHost").LogInformation("{Summary}", text);
    }

    /// <summary>The clients the gateway's development configuration registers.</summary>
    private static IEnumerable<string> DemoClients()
    {
        var gatewayDirectory = Path.GetDirectoryName(new Projects.Platform_Gateway().ProjectPath)!;
        var configuration = new ConfigurationBuilder()
            .SetBasePath(gatewayDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile("appsettings.Development.json", optional: true)
            .Build();
        return configuration.GetSection("TokenIssuer:Clients").GetChildren()
            .Select(client => $"{client["ClientId"]} ({client["Role"]})");
    }
}
