using System.Globalization;
using System.Text.RegularExpressions;
using Platform.EndToEndTests.Security;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEndTests.Faults;

/// <summary>
/// Every Kafka message delivered again: each service stopped, its consumer group moved back to the start of every topic
/// it reads (as an operator's <c>--reset-offsets --to-earliest</c> does), and started again. It reads the whole history
/// once more, and nothing changes: not what any coordinator can list, not one row of any service's tables.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed partial class RedeliveryTests(FaultPlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryMessageDeliveredAgainChangesNothing()
    {
        var region = await platform.ReadyAsync();
        var workload = new FaultWorkload(platform, "replay", await region.PrepareIncidentsAsync(platform, "replay", 2));
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3)))
        {
            await workload.RunAsync(stop.Token);
        }

        await ExactlyOnce.AssertAsync(platform);
        var callers = new PlatformCallers(platform);
        var table = await RouteTable.LoadAsync(callers.Gateway);
        var before = await PlatformState.SettledSnapshotAsync(callers, table);
        var rowsBefore = await TableCounts.ReadAsync(platform.ConnectionString);

        var services = PlatformProcesses.Services.Keys.Select(platform.Process).ToList();
        foreach (var service in services)
        {
            // Stopped, not killed: a stopped consumer leaves its group at once, and only an empty group's offsets can be moved.
            service.Terminate();
        }

        foreach (var service in services)
        {
            await service.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        var topics = PlatformProcesses.TopicsOf(platform.TopicNamespace).ToList();
        var rewound = new Dictionary<string, IReadOnlyList<Confluent.Kafka.TopicPartitionOffset>>();
        try
        {
            foreach (var service in services)
            {
                rewound[service.Name] = ConsumerGroups.RewindToBeginning(platform.BootstrapServers, Group(service.Name), topics);
            }
        }
        finally
        {
            // Started again whatever happened: the collection's other tests need the platform.
            foreach (var service in services)
            {
                service.Start();
            }

            await Task.WhenAll(services.Select(s => s.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
        }

        // Cost-sharing reads only communication's escalations and aid, which this stream does not cause.
        Assert.True(rewound.Count(r => r.Value.Count > 0) >= 3, "the services had consumed messages to deliver again");
        foreach (var service in services.Where(s => rewound[s.Name].Count > 0))
        {
            var goal = rewound[service.Name].ToDictionary(o => o.TopicPartition, o => o.Offset.Value);
            await Eventually.Until(
                () => Task.FromResult(ConsumerGroups.Committed(platform.BootstrapServers, Group(service.Name), topics)),
                committed => goal.All(g => committed.Any(c => c.TopicPartition == g.Key && c.Offset.Value >= g.Value)),
                TimeSpan.FromSeconds(180),
                $"{service.Name} to read its topics to the end again");
            var consumed = await ConsumedAsync(service);
            output.WriteLine($"{service.Name}: {goal.Values.Sum()} messages delivered again; {string.Join(", ", consumed.Select(c => $"{c.Key} {c.Value}"))}");
            Assert.Equal(0, consumed.GetValueOrDefault("applied"));
            Assert.True(consumed.GetValueOrDefault("duplicate") > 0, $"{service.Name} recognised the messages it had applied");
        }

        await platform.WaitUntilRoutedAsync();
        Assert.Equal(before, await PlatformState.SettledSnapshotAsync(callers, table));
        Assert.Equal(rowsBefore, await TableCounts.ReadAsync(platform.ConnectionString));
        await ExactlyOnce.AssertAsync(platform);
    }

    private string Group(string service) => $"{platform.TopicNamespace}.{service}";

    /// <summary>The process's <c>messaging_consumed_total</c> by outcome, since it started.</summary>
    private static async Task<Dictionary<string, double>> ConsumedAsync(ServiceProcess service)
    {
        using var client = new HttpClient();
        var metrics = await client.GetStringAsync(new Uri($"http://127.0.0.1:{service.ManagementPort}/metrics"));
        return ConsumedLine().Matches(metrics)
            .GroupBy(m => m.Groups["outcome"].Value)
            .ToDictionary(g => g.Key, g => g.Sum(m => double.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture)));
    }

    [GeneratedRegex("""^messaging_consumed_total\{[^}]*outcome="(?<outcome>[a-z_]+)"[^}]*\} (?<count>[0-9.e+]+)""", RegexOptions.Multiline)]
    private static partial Regex ConsumedLine();
}
