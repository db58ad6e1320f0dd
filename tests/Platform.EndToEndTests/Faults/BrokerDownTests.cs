using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEndTests.Faults;

/// <summary>
/// The broker down for 10 s (every broker of the embedded cluster refuses connections) during the stream: the services
/// keep accepting requests, their events wait in the outboxes and their consumers wait, and once the broker is back
/// everything arrives, once.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class BrokerDownTests(FaultPlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task EverythingAcceptedWhileTheBrokerIsDownArrivesOnceItIsBack()
    {
        var region = await platform.ReadyAsync();
        var incidents = await region.PrepareIncidentsAsync(platform, "broker", 4);
        var workload = new FaultWorkload(platform, "broker", incidents, TimeSpan.FromSeconds(3));
        using var stop = new CancellationTokenSource();
        var stream = workload.RunAsync(stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(1));
        var before = (workload.Registered, workload.Allocated, workload.Posted);
        platform.Broker.SetAllBrokersDown();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
        }
        finally
        {
            platform.Broker.SetAllBrokersUp();
        }

        var during = (workload.Registered - before.Registered, workload.Allocated - before.Allocated, workload.Posted - before.Posted);
        output.WriteLine($"accepted while the broker was down: {during.Item1} registrations, {during.Item2} allocations, {during.Item3} postings");
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await stream;

        Assert.Empty(workload.Failures);
        Assert.DoesNotContain(workload.Attempts, a => a.Status == 500);
        Assert.True(during.Item1 > 0 && during.Item2 > 0 && during.Item3 > 0, "requests were accepted while the broker was down");
        await ExactlyOnce.AssertAsync(platform, TimeSpan.FromSeconds(120));
    }
}
