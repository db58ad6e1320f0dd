using Confluent.Kafka;

namespace Platform.Testing;

/// <summary>
/// A consumer group's committed offsets, read and moved as an operator does with <c>kafka-consumer-groups
/// --reset-offsets --to-earliest</c>: every message of the group's topics is then delivered to it again.
/// </summary>
public static class ConsumerGroups
{
    /// <summary>The offsets the group has committed on the given topics (partitions it never committed on are left out).</summary>
    public static IReadOnlyList<TopicPartitionOffset> Committed(string bootstrapServers, string group, IEnumerable<string> topics)
    {
        using var consumer = Consumer(bootstrapServers, group);
        return [.. consumer.Committed(Partitions(bootstrapServers, topics), TimeSpan.FromSeconds(10)).Where(o => o.Offset.Value >= 0)];
    }

    /// <summary>The end of every partition of the given topics: the offset its next message will take.</summary>
    public static Dictionary<TopicPartition, long> LogEnd(string bootstrapServers, IEnumerable<string> topics)
    {
        using var reader = Consumer(bootstrapServers, "log-end-reader");
        return Partitions(bootstrapServers, topics).ToDictionary(p => p, p => reader.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(5)).High.Value);
    }

    /// <summary>
    /// Commits offset 0 on every partition the group has committed on, so it reads them again from the start. The group
    /// must be empty (its members stopped): this joins it, receives every partition, commits and leaves (a broker takes
    /// commits only from a member of the group's current generation).
    /// </summary>
    public static IReadOnlyList<TopicPartitionOffset> RewindToBeginning(string bootstrapServers, string group, IEnumerable<string> topics)
    {
        var committed = Committed(bootstrapServers, group, topics);
        if (committed.Count == 0)
        {
            return committed;
        }

        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = group,
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,

            // The services' strategy (KafkaClientFactory): a group keeps its protocol, and a member proposing another is
            // refused by a broker (and trips an assertion in the embedded mock broker).
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,

            // The embedded mock broker holds the group's next rebalance until every member of the last generation has
            // rejoined or timed out, and this member's leave does not count: with the default 45 s session (and 300 s
            // poll interval) the restarted services' JoinGroup requests went unanswered for minutes, every member in
            // wait-join (docs/fault-tests.md, redelivery). A short session lets the group move on within seconds.
            SessionTimeoutMs = 6000,
            HeartbeatIntervalMs = 1000,
            MaxPollIntervalMs = 7000,
        }).Build();
        consumer.Subscribe(committed.Select(o => o.Topic).Distinct());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!committed.All(o => consumer.Assignment.Contains(o.TopicPartition)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Group {group} did not hand every partition to the rewinding member; are its consumers still running?");
            }

            consumer.Consume(TimeSpan.FromMilliseconds(100));
        }

        consumer.Commit(committed.Select(o => new TopicPartitionOffset(o.TopicPartition, 0)));
        consumer.Close();
        return committed;
    }

    private static List<TopicPartition> Partitions(string bootstrapServers, IEnumerable<string> topics)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var wanted = topics.ToHashSet(StringComparer.Ordinal);
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        return [.. metadata.Topics.Where(t => wanted.Contains(t.Topic)).SelectMany(t => t.Partitions.Select(p => new TopicPartition(t.Topic, p.PartitionId)))];
    }

    /// <summary>A client of the group that never joins it: reading committed offsets needs no membership.</summary>
    private static IConsumer<Ignore, Ignore> Consumer(string bootstrapServers, string group) =>
        new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = group, EnableAutoCommit = false }).Build();
}
