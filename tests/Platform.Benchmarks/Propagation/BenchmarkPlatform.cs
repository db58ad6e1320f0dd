using Platform.Benchmarks.Gateway;
using Platform.EmbeddedKafka;
using Platform.EndToEndTests;
using Platform.LocalPostgres;
using Platform.Testing;

namespace Platform.Benchmarks.Propagation;

/// <summary>
/// The whole platform as the end-to-end tests start it (<see cref="PlatformProcesses"/>, linked from
/// tests/Platform.EndToEndTests): the five services and the gateway as Release processes on one durable PostgreSQL (fsync
/// on) and the embedded broker. The settings the tests add to make time pass quickly (a fast relay poll, trust's clock
/// three days ahead, two-second warning deadlines) are taken out again: the benchmark runs the production defaults.
/// </summary>
internal sealed class BenchmarkPlatform : IAsyncDisposable
{
    private static readonly string[] TestOnlySettings =
    [
        "Messaging__RelayPollInterval", "Trust__ClockOffset", "Trust__GracePeriod", "Trust__SweepInterval",
        "Communication__AcknowledgementDeadlines__Blue", "Communication__SweepInterval",
    ];

    private readonly List<ServiceProcess> _services = [];

    private LocalPostgresServer _postgres = null!;
    private EmbeddedKafkaBroker _broker = null!;

    public ServiceProcess Gateway { get; private set; } = null!;

    /// <summary>The five services, then the gateway.</summary>
    public IReadOnlyList<ServiceProcess> Processes => [.. _services, Gateway];

    public static async Task<BenchmarkPlatform> StartAsync()
    {
        foreach (var project in PlatformProcesses.Services.Values.Append("gateway/Platform.Gateway"))
        {
            await GatewayOverhead.BuildAsync(project);
        }

        var platform = new BenchmarkPlatform();
        platform._postgres = await LocalPostgresServer.StartAsync(durable: true);
        platform._broker = EmbeddedKafkaBroker.Start(brokerCount: 1);
        TestInfrastructure.CreateTopics(platform._broker, "bench");
        await platform._postgres.CreateDatabaseAsync("platform_bench");
        var connection = platform._postgres.ConnectionString("platform_bench");
        foreach (var name in PlatformProcesses.Services.Keys)
        {
            var service = PlatformProcesses.Service(name, connection, platform._broker.BootstrapServers, "bench");
            foreach (var setting in TestOnlySettings)
            {
                service.Environment.Remove(setting);
            }

            platform._services.Add(service);
        }

        platform.Gateway = PlatformProcesses.Gateway(platform._services);

        // Limits far above the load: the benchmark measures propagation, not the per-client rate limiter.
        platform.Gateway.Environment["RateLimiting__Clients__PermitLimit"] = "1000000";
        platform.Gateway.Environment["RateLimiting__Clients__TokensPerPeriod"] = "1000000";
        foreach (var process in platform.Processes)
        {
            process.Start();
        }

        await Task.WhenAll(platform.Processes.Select(p => p.WaitUntilReadyAsync(TimeSpan.FromSeconds(180))));
        using var client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        foreach (var name in PlatformProcesses.Services.Keys)
        {
            await Eventually.Until(
                async () => (await client.GetAsync($"/openapi/{name}.json")).IsSuccessStatusCode, TimeSpan.FromSeconds(90), $"the gateway to route to {name}");
        }

        return platform;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Processes)
        {
            await process.DisposeAsync();
        }

        _broker.Dispose();
        await _postgres.DisposeAsync();
    }
}
