using System.Net;
using System.Net.Http.Headers;
using Platform.EmbeddedKafka;
using Platform.LocalPostgres;
using Platform.ServiceDefaults.Security;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEndTests.Faults;

/// <summary>
/// The whole platform for the fault tests, on a PostgreSQL and a broker of its own: the tests kill its processes, take
/// its broker down and restart its database, which would disturb every other test on the shared servers. The database
/// is durable (fsync, synchronous commit), as a real server is: an immediate stop of a non-durable one loses the last
/// commits, which would look like a lost request. Tests of the collection run one after another and share the
/// <see cref="Accepted"/> tally, so each can check the platform's totals, not only its own part.
/// </summary>
public sealed class FaultPlatformFixture : PlatformFixture
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-faults-" + Guid.NewGuid().ToString("N")[..8]);
    private LocalPostgresServer _postgres = null!;
    private int _postgresPort;
    private readonly Lazy<Task<FaultRegion>> _region;

    public FaultPlatformFixture() => _region = new(() => FaultRegion.SetUpAsync(this));

    public EmbeddedKafkaBroker Broker { get; private set; } = null!;

    /// <summary>Every request the fault tests' clients saw accepted, across the collection: what the platform must show exactly once.</summary>
    public AcceptedEffects Accepted { get; } = new();

    public ServiceProcess Process(string name) => Processes.Single(p => p.Name == name);

    public HttpClient Client(string role, string? cityId = null)
    {
        var client = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, cityId));
        return client;
    }

    /// <summary>
    /// Once every service is routed again (an earlier test's fault may still be wearing off), the region every test's
    /// incidents use, set up by the first test that asks.
    /// </summary>
    public async Task<FaultRegion> ReadyAsync()
    {
        await WaitUntilRoutedAsync();
        return await _region.Value;
    }

    /// <summary>Kills the process at once (SIGKILL) and, once it is gone, starts it again on the same ports (without waiting for it to be ready).</summary>
    public static async Task KillAndStartAsync(ServiceProcess process, TimeSpan down)
    {
        process.Kill();
        await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(down);
        process.Start();
    }

    /// <summary>Stops PostgreSQL at once (immediate shutdown: no checkpoint, connections cut), as a crash or a fail-over does.</summary>
    public async Task StopPostgresAsync() => await _postgres.DisposeAsync();

    public async Task StartPostgresAsync() => _postgres = await LocalPostgresServer.StartAsync(_root, _postgresPort, durable: true);

    /// <summary>
    /// The gateway forwards to every service again: a read of each answers 200 through it (a killed service stays out of
    /// the gateway's rotation until its health probe or passive reactivation brings it back).
    /// </summary>
    public async Task WaitUntilRoutedAsync()
    {
        using var coordinator = Client(PlatformRoles.Coordinator);
        foreach (var path in new[] { "/api/cost-sharing/members?pageSize=1", "/api/fund/members?pageSize=1", "/api/trust/scores?pageSize=1", "/api/evaluation/members?pageSize=1", "/api/communication/members?pageSize=1" })
        {
            await Eventually.Until(
                async () =>
                {
                    try
                    {
                        using var response = await coordinator.GetAsync(path);
                        return response.StatusCode == HttpStatusCode.OK;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                TimeSpan.FromSeconds(60),
                $"the gateway to forward {path}");
        }
    }

    /// <summary>Twelve processes start at once when this collection runs beside the main one; on a busy machine that takes a while.</summary>
    protected override TimeSpan StartTimeout => TimeSpan.FromSeconds(180);

    protected override async Task<(string ConnectionString, string BootstrapServers, string TopicNamespace)> ProvideInfrastructureAsync()
    {
        // A port below the ephemeral range (ServiceProcess.FreePort): while the server is down for a restart, no outgoing
        // connection of the test run can take it.
        _postgresPort = ServiceProcess.FreePort();
        _postgres = await LocalPostgresServer.StartAsync(_root, _postgresPort, durable: true);
        await _postgres.CreateDatabaseAsync("faults");
        Broker = EmbeddedKafkaBroker.Start(brokerCount: 1);
        var ns = "f" + Guid.NewGuid().ToString("N")[..10];
        TestInfrastructure.CreateTopics(Broker, ns);
        return (_postgres.ConnectionString("faults"), Broker.BootstrapServers, ns);
    }

    /// <summary>
    /// Parked messages come back within seconds (the default schedule starts at a minute), and a produce gives up after
    /// 3 s, so a broker outage is noticed and retried within the test's time. The gateway probes every 2 s (10 s in
    /// the chart), so a restarted service is back in its rotation at once rather than after the next probe.
    /// </summary>
    protected override void Configure(ServiceProcess process)
    {
        if (process.Name == "gateway")
        {
            foreach (var service in PlatformProcesses.Services.Keys)
            {
                process.Environment[$"ReverseProxy__Clusters__{service}__HealthCheck__Active__Interval"] = "00:00:02";
                process.Environment[$"ReverseProxy__Clusters__{service}__HealthCheck__Passive__ReactivationPeriod"] = "00:00:02";
            }

            return;
        }

        process.Environment["Messaging__ParkingDelays"] = "00:00:00.500,00:00:01,00:00:02,00:00:05,00:00:10,00:00:20,00:00:30,00:01:00";
        process.Environment["Messaging__ProduceTimeout"] = "00:00:03";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Broker?.Dispose();
        await _postgres.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<FaultPlatformFixture>
{
    public const string Name = "faults";
}
