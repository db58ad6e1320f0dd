using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEndTests.Replicas;

/// <summary>
/// The whole platform as the chart runs it (<c>replicaCount: 2</c>): two processes of every service against one database
/// and one broker, sharing each service's consumer group and outbox, and a gateway whose YARP clusters list both replicas
/// as destinations (as the chart's gateway lists the Service, behind which Kubernetes balances the pods).
/// </summary>
public sealed class ReplicatedPlatform : IAsyncDisposable
{
    private readonly List<ServiceProcess> _processes = [];

    private ReplicatedPlatform(string connectionString, string topicNamespace)
    {
        ConnectionString = connectionString;
        TopicNamespace = topicNamespace;
    }

    public string ConnectionString { get; }

    public string TopicNamespace { get; }

    /// <summary>Each service's two replicas, by service name.</summary>
    public Dictionary<string, ServiceProcess[]> Replicas { get; } = [];

    public ServiceProcess Gateway { get; private set; } = null!;

    public static async Task<ReplicatedPlatform> StartAsync()
    {
        var infra = await TestInfrastructure.GetAsync();
        var platform = new ReplicatedPlatform(await infra.CreateDatabaseAsync("replicas"), infra.CreateTopicNamespace());
        foreach (var name in PlatformProcesses.Services.Keys)
        {
            platform.Replicas[name] = [.. Enumerable.Range(0, 2).Select(_ =>
                PlatformProcesses.Service(name, platform.ConnectionString, infra.Broker.BootstrapServers, platform.TopicNamespace))];
        }

        platform.Gateway = GatewayOver(platform.Replicas);
        platform._processes.AddRange([.. platform.Replicas.Values.SelectMany(r => r), platform.Gateway]);

        // The first replica of each service creates its schema, as the chart's migration Job does before any pod starts;
        // then the second replicas and the gateway. (Two replicas creating one fresh schema at the same moment race in
        // PostgreSQL's catalog and one fails to start: see docs/deploy.md "Replicas".)
        var first = platform.Replicas.Values.Select(r => r[0]).ToList();
        foreach (var process in first)
        {
            process.Start();
        }

        await Task.WhenAll(first.Select(p => p.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
        var rest = platform._processes.Except(first).ToList();
        foreach (var process in rest)
        {
            process.Start();
        }

        await Task.WhenAll(rest.Select(p => p.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
        return platform;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>A client of the gateway authenticated as a demo client (client credentials), as <see cref="PlatformFixture.ClientAsync"/>.</summary>
    public Task<HttpClient> ClientAsync(string clientId) =>
        GatewayClients.ClientCredentialsAsync(Gateway.BaseAddress, clientId);

    /// <summary>
    /// Two destinations per cluster. The active health check probes every second (the shipped 10 s would leave a killed
    /// replica routed for 20 s): a dead destination is out after two failed probes, which is what the test waits through.
    /// </summary>
    private static ServiceProcess GatewayOver(Dictionary<string, ServiceProcess[]> replicas)
    {
        var environment = new Dictionary<string, string>
        {
            // The gateway keeps the people who sign in in its own schema of the services' database.
            ["ConnectionStrings__postgres"] = replicas.Values.SelectMany(r => r)
                .Select(s => s.Environment.GetValueOrDefault("ConnectionStrings__postgres")).First(c => c is not null)!,
            ["TokenIssuer__SigningKeyPem"] = TestTokens.PrivateKeyPem,
            ["Auth__SigningKeys__0"] = TestTokens.PublicKeyPem,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, processes) in replicas)
        {
            environment[$"ReverseProxy__Clusters__{name}__HealthCheck__Active__Interval"] = "00:00:01";
            environment[$"ReverseProxy__Clusters__{name}__HealthCheck__Active__Timeout"] = "00:00:01";
            for (var i = 0; i < processes.Length; i++)
            {
                environment[$"ReverseProxy__Clusters__{name}__Destinations__d{i + 1}__Address"] = processes[i].BaseAddress.ToString();
                environment[$"ReverseProxy__Clusters__{name}__Destinations__d{i + 1}__Health"] = $"http://127.0.0.1:{processes[i].ManagementPort}";
            }
        }

        return new ServiceProcess("gateway", "gateway/Platform.Gateway", environment);
    }
}
