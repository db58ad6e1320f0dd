using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEndTests.Lifecycle;

/// <summary>
/// Kubernetes stops a pod with SIGTERM and kills it when its grace period runs out (charts/platform: preStop sleep + the
/// host's shutdown timeout &lt; terminationGracePeriodSeconds). Every component must therefore stop by itself, cleanly (exit
/// code 0) and well inside 10 s — with its consumer, relay, sweepers and any open Server-Sent Events feed running.
/// </summary>
public sealed class GracefulShutdownTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Allowed = TimeSpan.FromSeconds(10);
    private readonly List<ServiceProcess> _started = [];
    private TestInfrastructure _infra = null!;
    private string _database = null!;
    private string _namespace = null!;

    public static TheoryData<string> Services => [.. PlatformProcesses.Services.Keys];

    public async Task InitializeAsync()
    {
        _infra = await TestInfrastructure.GetAsync();
        _database = await _infra.CreateDatabaseAsync("shutdown");
        _namespace = _infra.CreateTopicNamespace();
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _started)
        {
            await process.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Service_stops_cleanly_within_ten_seconds_of_SIGTERM(string name)
    {
        var service = await StartAsync(PlatformProcesses.Service(name, _database, _infra.Broker.BootstrapServers, _namespace));
        await using var feed = name == "communication" ? await OpenFeedAsync(service) : null;

        var elapsed = await TerminateAsync(service);

        Assert.True(elapsed < Allowed, $"{name} took {elapsed.TotalSeconds:F1} s to stop:\n{service.RecentOutput}");
        Assert.Equal(0, service.ExitCode);
        if (feed is not null)
        {
            await feed.Ended.WaitAsync(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task Gateway_stops_cleanly_within_ten_seconds_of_SIGTERM_with_a_feed_open_through_it()
    {
        var communication = await StartAsync(PlatformProcesses.Service("communication", _database, _infra.Broker.BootstrapServers, _namespace));
        var gateway = await StartAsync(PlatformProcesses.Gateway([communication]));
        await using var feed = await OpenFeedAsync(gateway);

        var elapsed = await TerminateAsync(gateway);

        Assert.True(elapsed < Allowed, $"the gateway took {elapsed.TotalSeconds:F1} s to stop:\n{gateway.RecentOutput}");
        Assert.Equal(0, gateway.ExitCode);
        await feed.Ended.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.False(communication.HasExited, "stopping the gateway must not stop the service behind it");
    }

    private async Task<ServiceProcess> StartAsync(ServiceProcess process)
    {
        _started.Add(process);
        process.Start();
        await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));

        // Ready means PostgreSQL and Kafka answer; a moment more lets the consumer join its group and the sweepers start a pass.
        await Task.Delay(TimeSpan.FromSeconds(1));
        return process;
    }

    private async Task<TimeSpan> TerminateAsync(ServiceProcess process)
    {
        var clock = Stopwatch.StartNew();
        process.Terminate();
        try
        {
            await process.WaitForExitAsync(Allowed + TimeSpan.FromSeconds(20));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{process.Name} was still running {clock.Elapsed.TotalSeconds:F0} s after SIGTERM:\n{process.RecentOutput}");
        }

        output.WriteLine($"{process.Name}: exited {process.ExitCode} {clock.Elapsed.TotalSeconds:F2} s after SIGTERM");
        return clock.Elapsed;
    }

    private static async Task<SseClient> OpenFeedAsync(ServiceProcess through)
    {
        var client = new HttpClient { BaseAddress = through.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.City("hangzhou"));
        var feed = await SseClient.ConnectAsync(client, "/api/communication/feed");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        return feed;
    }
}
