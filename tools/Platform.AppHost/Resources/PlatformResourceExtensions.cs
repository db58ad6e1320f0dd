using System.Globalization;
using Platform.AppHost.Infrastructure;

namespace Platform.AppHost.Resources;

internal static class PlatformResourceExtensions
{
    public const string DemoSeederName = "demo-seeder";
    private const string Loopback = "127.0.0.1";

    /// <summary>The five services, the gateway in front of them, and the seeder that loads the demo region.</summary>
    public static void AddPlatform(this IDistributedApplicationBuilder builder, LocalInfrastructure infrastructure, PlatformSettings settings)
    {
        var services = new[]
        {
            builder.AddComponent<Projects.CostSharing_Api>(PlatformComponent.CostSharing, infrastructure),
            builder.AddComponent<Projects.CompensationFund_Api>(PlatformComponent.CompensationFund, infrastructure),
            builder.AddComponent<Projects.TrustScore_Api>(PlatformComponent.TrustScore, infrastructure),
            builder.AddComponent<Projects.Evaluation_Api>(PlatformComponent.Evaluation, infrastructure),
            builder.AddComponent<Projects.Communication_Api>(PlatformComponent.Communication, infrastructure).WithDemoAcknowledgementDeadlines(),
        };

        var gatewayComponent = PlatformComponent.Gateway(settings.GatewayPort);
        var signingKey = builder.AddParameter("token-signing-key", infrastructure.SigningKeys.PrivateKeyPem, secret: true);
        var gateway = builder.AddComponent<Projects.Platform_Gateway>(gatewayComponent, infrastructure)
            .WithEnvironment("TokenIssuer__SigningKeyPem", signingKey)
            // The console's redirect URIs are under the gateway's local address, not the issuer name.
            .WithEnvironment("Identity__Console__BaseUrl", gatewayComponent.Url);
        foreach (var (component, service) in PlatformComponent.Services.Zip(services))
        {
            // The gateway's cluster ids are the service names (gateway/Platform.Gateway routes).
            gateway
                .WithEnvironment($"ReverseProxy__Clusters__{component.Name}__Destinations__d1__Address", component.Url)
                .WithEnvironment($"ReverseProxy__Clusters__{component.Name}__Destinations__d1__Health", component.ManagementUrl)
                .WaitFor(service);
        }

        // The finance console, behind the gateway at /console; people sign in at the gateway (README "Finance console").
        var financeConsole = PlatformComponent.FinanceConsole;
        builder.AddComponent<Projects.FinanceConsole_Web>(financeConsole, infrastructure)
            .WithEnvironment("Console__Gateway", gatewayComponent.Url);
        gateway
            .WithEnvironment($"ReverseProxy__Clusters__{financeConsole.Name}__Destinations__d1__Address", financeConsole.Url)
            .WithEnvironment($"ReverseProxy__Clusters__{financeConsole.Name}__Destinations__d1__Health", financeConsole.ManagementUrl);

        builder.AddProject<Projects.Platform_DemoSeeder>(DemoSeederName, o => o.ExcludeLaunchProfile = true)
            .WithEnvironment("Gateway__Url", gatewayComponent.Url)
            .WaitFor(gateway);
    }

    /// <summary>
    /// A service or the gateway on its fixed ports, with the shared database, broker and token keys.
    /// </summary>
    /// <remarks>
    /// Implementation note: the endpoints are not proxied, so each process listens on its own fixed port,
    /// and only the API endpoint goes into the process's URLs: the management port is added by the service
    /// defaults from <c>Management__Port</c>, and naming it twice would make Kestrel bind it twice.
    /// </remarks>
    private static IResourceBuilder<ProjectResource> AddComponent<TProject>(
        this IDistributedApplicationBuilder builder, PlatformComponent component, LocalInfrastructure infrastructure)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(component.Name, o =>
            {
                o.ExcludeLaunchProfile = true;
                o.ExcludeKestrelEndpoints = true;
            })
            .WithHttpEndpoint(port: component.HttpPort, targetPort: component.HttpPort, name: "http", isProxied: false)
            .WithHttpEndpoint(port: component.ManagementPort, targetPort: component.ManagementPort, name: "management", isProxied: false)
            .WithEndpoint("http", e => e.TargetHost = Loopback)
            .WithEndpoint("management", e => e.TargetHost = Loopback)
            .WithEndpointsInEnvironment(e => e.Name == "http")
            .WithEnvironment("ASPNETCORE_URLS", component.Url)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithEnvironment("Management__Port", component.ManagementPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("ConnectionStrings__postgres", infrastructure.PostgresConnectionString)
            .WithEnvironment("Kafka__BootstrapServers", infrastructure.KafkaBootstrapServers)
            .WithEnvironment("Auth__SigningKeys__0", infrastructure.SigningKeys.PublicKeyPem)
            .WithEnvironment("Auth__RequireHttpsMetadata", "false")
            .WithHttpHealthCheck("/health/ready", endpointName: "management");
}
