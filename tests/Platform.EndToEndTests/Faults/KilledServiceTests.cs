using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEndTests.Faults;

/// <summary>
/// Each service in turn, and the gateway, killed with SIGKILL in the middle of a stream of registrations, allocations
/// and postings, then started again: whatever was in flight (a request half handled, a commit whose event was not yet
/// published, a message applied but its offset not committed) is neither lost nor applied twice.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class KilledServiceTests(FaultPlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string[] InTurn = ["cost-sharing", "compensation-fund", "trust-score", "evaluation", "communication", "gateway"];

    [Fact]
    public async Task EveryServiceKilledInTurnUnderLoadLosesNothingAndAppliesNothingTwice()
    {
        var region = await platform.ReadyAsync();
        var incidents = await region.PrepareIncidentsAsync(platform, "kill", InTurn.Length * 2);
        var workload = new FaultWorkload(platform, "kill", incidents, TimeSpan.FromSeconds(3));
        using var stop = new CancellationTokenSource();
        var stream = workload.RunAsync(stop.Token);

        foreach (var name in InTurn)
        {
            // Let the stream reach the service (a request in flight, events on their way) before it dies; the next one
            // dies once this one is ready again (see docs/fault-tests.md for what overlapping kills showed).
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await FaultPlatformFixture.KillAndStartAsync(platform.Process(name), TimeSpan.FromSeconds(1));
            await platform.Process(name).WaitUntilReadyAsync(TimeSpan.FromSeconds(180));
            output.WriteLine($"{name}: killed and ready again in {clock.Elapsed.TotalSeconds:F1} s; so far {workload.Registered} registered, {workload.Allocated} allocated, {workload.Posted} posted");
        }

        await platform.WaitUntilRoutedAsync();
        await stop.CancelAsync();
        await stream;

        output.WriteLine($"{workload.Attempts.Count} requests; answers: {string.Join(", ", workload.Attempts.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}");
        Assert.Empty(workload.Failures);
        Assert.DoesNotContain(workload.Attempts, a => a.Status == 500);
        Assert.True(workload.Registered > InTurn.Length && workload.Allocated > InTurn.Length && workload.Posted > InTurn.Length, "the stream ran throughout");
        await ExactlyOnce.AssertAsync(platform);
    }
}
