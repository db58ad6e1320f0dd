using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Messaging.Tests;

/// <summary>
/// A consumer group whose members come and go while messages flow: a second replica of the probe stopped and started
/// again and again, each time before the group has settled, so partitions move between its workers and the first
/// replica's in overlapping cooperative rebalances, some of them in the middle of a batch. Whatever moves, every
/// message is applied exactly once, in key order, and the group's committed offsets end at the end of the log.
/// </summary>
public sealed class RebalanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Widgets = 24;
    private ProbeHost _probe = null!;
    private string _database = null!;
    private string _bootstrap = null!;

    public async Task InitializeAsync()
    {
        var infra = await TestInfrastructure.GetAsync();
        _database = await infra.CreateDatabaseAsync(nameof(RebalanceTests));
        _bootstrap = infra.Broker.BootstrapServers;
        _probe = await ProbeHost.StartAsync(_database, _bootstrap, infra.CreateTopicNamespace());
    }

    public async Task DisposeAsync() => await _probe.DisposeAsync();

    [Fact]
    public async Task EveryMessageIsAppliedOnceAndInOrderWhileReplicasComeAndGo()
    {
        using var stop = new CancellationTokenSource();
        var published = new int[Widgets];
        var stream = Task.Run(async () =>
        {
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                var batch = Enumerable.Range(0, Widgets).Where(w => (w + round) % 3 == 0)
                    .Select(w => new WidgetChanged($"w-rebalance-{w}", ++published[w])).ToArray();
                await _probe.PublishTogetherAsync(batch);
                await Task.Delay(20);
            }
        });

        for (var restart = 0; restart < 6; restart++)
        {
            var replica = await StartReplicaAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(1500 + 500 * (restart % 3)));
            await replica.DisposeAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        await stop.CancelAsync();
        await stream;
        for (var w = 0; w < Widgets; w++)
        {
            var expected = Enumerable.Range(1, published[w]).ToList();
            var widget = $"w-rebalance-{w}";
            Assert.Equal(expected, await Eventually.Until(
                () => _probe.AppliedAsync(widget), a => a.Count >= expected.Count, TimeSpan.FromSeconds(60), $"{widget} to apply {expected.Count} changes"));
        }

        output.WriteLine($"{published.Sum()} messages over {Widgets} keys");
        var group = $"{_probe.TopicNamespace}.probe";
        var end = TopicEnd();
        var committed = await UntilCommittedToAsync(group, end, "the stream", TimeSpan.FromSeconds(30));
        Assert.Equal(end.Count, committed.Count);
    }

    [Fact]
    public async Task AfterARewindTheGroupCommitsUpToTheEndAndStaysThereWhileReplicasJoin()
    {
        var published = new int[Widgets];
        for (var round = 0; round < 40; round++)
        {
            await _probe.PublishTogetherAsync([.. Enumerable.Range(0, Widgets).Select(w => new WidgetChanged($"w-rewind-{w}", ++published[w]))]);
        }

        var end = await Eventually.Until(() => Task.FromResult(TopicEnd()), e => e.Values.Sum() == published.Sum(), because: "every change to be published");
        var group = $"{_probe.TopicNamespace}.probe";
        await UntilCommittedToAsync(group, end, "the first reading");
        await _probe.DisposeAsync();
        ConsumerGroups.RewindToBeginning(_bootstrap, group, [_probe.Topic]);

        // Eight workers in two replicas read the log again from the start (all duplicates) while the group rebalances
        // under them; then one replica leaves, and its partitions move once more.
        _probe = await ProbeHost.StartAsync(_database, _bootstrap, _probe.TopicNamespace);
        var replica = await StartReplicaAsync();
        await UntilCommittedToAsync(group, end, "the second reading");
        await replica.DisposeAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var committed = ConsumerGroups.Committed(_bootstrap, group, [_probe.Topic]);
        Assert.All(end, e => Assert.Equal(e.Value, committed.Single(c => c.TopicPartition == e.Key).Offset.Value));
        for (var w = 0; w < Widgets; w++)
        {
            Assert.Equal(Enumerable.Range(1, published[w]), await _probe.AppliedAsync($"w-rewind-{w}"));
        }
    }

    /// <summary>Waits until the group has committed the end of every partition; says where it stands if it does not.</summary>
    private async Task<IReadOnlyList<Confluent.Kafka.TopicPartitionOffset>> UntilCommittedToAsync(
        string group, Dictionary<Confluent.Kafka.TopicPartition, long> end, string because, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var committed = ConsumerGroups.Committed(_bootstrap, group, [_probe.Topic]);
            if (end.All(e => committed.Any(o => o.TopicPartition == e.Key && o.Offset.Value == e.Value)))
            {
                return committed;
            }

            if (DateTime.UtcNow > deadline)
            {
                var applied = await _probe.ScalarAsync("select count(*) from probe.platform_inbox");
                Assert.Fail($"After {because} the group's offsets did not reach the end: {string.Join(", ", end.Select(e => $"[{e.Key.Partition.Value}] {committed.SingleOrDefault(c => c.TopicPartition == e.Key)?.Offset.Value}/{e.Value}"))}; {applied} messages in the inbox");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// A second replica; its store initializer's schema statements can deadlock with the first replica's traffic (the
    /// store building block's concern, not this test's), so a deadlocked start is simply tried again.
    /// </summary>
    private async Task<ProbeHost> StartReplicaAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ProbeHost.StartAsync(_database, _bootstrap, _probe.TopicNamespace);
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
            }
        }
    }

    private Dictionary<Confluent.Kafka.TopicPartition, long> TopicEnd() => ConsumerGroups.LogEnd(_bootstrap, [_probe.Topic]);
}
