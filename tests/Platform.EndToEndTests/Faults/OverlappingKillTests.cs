using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEndTests.Faults;

/// <summary>
/// The services killed in quick succession: each one 3 s after the previous one was started again, before it is ready,
/// so consumer groups restart and rebalance while their upstream producers and their neighbours are down or starting.
/// Nothing accepted may be lost or applied twice (docs/fault-tests.md, "Overlapping kills").
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class OverlappingKillTests(FaultPlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string[] InTurn = ["cost-sharing", "compensation-fund", "trust-score", "evaluation", "communication", "gateway"];

    [Fact]
    public async Task ServicesKilledBeforeThePreviousOneIsReadyLoseNothingAndApplyNothingTwice()
    {
        var region = await platform.ReadyAsync();
        var incidents = await region.PrepareIncidentsAsync(platform, "overlap", InTurn.Length * 2);
        var workload = new FaultWorkload(platform, "overlap", incidents, TimeSpan.FromSeconds(3));
        using var stop = new CancellationTokenSource();
        var stream = workload.RunAsync(stop.Token);

        foreach (var name in InTurn)
        {
            // The stream reaches the service before it dies; the previous one was started 3 s ago and is not ready yet.
            await Task.Delay(TimeSpan.FromSeconds(3));
            await FaultPlatformFixture.KillAndStartAsync(platform.Process(name), TimeSpan.FromSeconds(1));
        }

        await Task.WhenAll(InTurn.Select(name => platform.Process(name).WaitUntilReadyAsync(TimeSpan.FromSeconds(180))));
        await platform.WaitUntilRoutedAsync();
        await stop.CancelAsync();
        await stream;

        output.WriteLine($"{workload.Registered} registered, {workload.Allocated} allocated, {workload.Posted} posted");
        Assert.Empty(workload.Failures);
        Assert.DoesNotContain(workload.Attempts, a => a.Status == 500);
        try
        {
            await ExactlyOnce.AssertAsync(platform);
        }
        finally
        {
            output.WriteLine(ConsumerProgress.Describe(platform));
        }
    }
}
