using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEndTests;

/// <summary>
/// The whole platform, started once for the end-to-end collection: the five services and the gateway as
/// processes against the real PostgreSQL and broker. Tests reach it only through the gateway. A fixture that injects
/// faults (Faults/FaultPlatformFixture) derives from it with a PostgreSQL and broker of its own.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    private readonly List<ServiceProcess> _processes = [];

    public ServiceProcess Gateway { get; private set; } = null!;

    /// <summary>Every running component, the gateway included (for what only their management ports show).</summary>
    public IReadOnlyList<ServiceProcess> Processes => _processes;

    public string ConnectionString { get; private set; } = null!;

    /// <summary>The topic namespace and broker the processes use, for tests that replay a real message (a duplicate delivery).</summary>
    public string TopicNamespace { get; private set; } = null!;

    public string BootstrapServers { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (ConnectionString, BootstrapServers, TopicNamespace) = await ProvideInfrastructureAsync();
        var services = PlatformProcesses.Services.Keys
            .Select(name => PlatformProcesses.Service(name, ConnectionString, BootstrapServers, TopicNamespace))
            .ToList();
        Gateway = PlatformProcesses.Gateway(services);
        _processes.AddRange([.. services, Gateway]);
        foreach (var process in _processes)
        {
            Configure(process);
            process.Start();
        }

        await Task.WhenAll(_processes.Select(p => p.WaitUntilReadyAsync(StartTimeout)));
        await WaitUntilEveryServiceIsRoutedAsync();
    }

    /// <summary>How long the processes may take to become ready.</summary>
    protected virtual TimeSpan StartTimeout => TimeSpan.FromSeconds(90);

    /// <summary>The database, broker and topic namespace of the processes: by default a fresh database and namespace on the run's shared servers.</summary>
    protected virtual async Task<(string ConnectionString, string BootstrapServers, string TopicNamespace)> ProvideInfrastructureAsync()
    {
        var infra = await TestInfrastructure.GetAsync();
        return (await infra.CreateDatabaseAsync("platform_e2e"), infra.Broker.BootstrapServers, infra.CreateTopicNamespace());
    }

    /// <summary>Settings a derived fixture adds to a process (a service or the gateway) before it starts.</summary>
    protected virtual void Configure(ServiceProcess process)
    {
    }

    /// <summary>
    /// The gateway probes the services as they start: one it found not ready yet stays out until its next probe
    /// passes. Tests start once the gateway routes to every service (each service's API document reachable through it).
    /// </summary>
    public async Task WaitUntilEveryServiceIsRoutedAsync()
    {
        using var client = new HttpClient { BaseAddress = Gateway.BaseAddress };
        foreach (var name in PlatformProcesses.Services.Keys)
        {
            await Eventually.Until(
                async () => (await client.GetAsync($"/openapi/{name}.json")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(60),
                $"the gateway to route to {name}");
        }
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>A client of the gateway authenticated as a demo client (client credentials).</summary>
    public Task<HttpClient> ClientAsync(string clientId, string? secret = null) =>
        GatewayClients.ClientCredentialsAsync(Gateway.BaseAddress, clientId, secret);
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
