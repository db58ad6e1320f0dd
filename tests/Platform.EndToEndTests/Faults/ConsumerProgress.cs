namespace Platform.EndToEndTests.Faults;

/// <summary>
/// Where each service's consumer group stands on each partition of the platform's topics: committed offset against the
/// log end. When "nothing lost" fails, this tells a partition nobody consumes (committed behind the end and not moving)
/// from messages skipped (committed at the end, effects missing).
/// </summary>
public static class ConsumerProgress
{
    public static string Describe(FaultPlatformFixture platform)
    {
        var topics = PlatformProcesses.TopicsOf(platform.TopicNamespace).ToList();
        var end = Platform.Testing.ConsumerGroups.LogEnd(platform.BootstrapServers, topics);
        var lines = new List<string>();
        foreach (var service in PlatformProcesses.Services.Keys)
        {
            var group = $"{platform.TopicNamespace}.{service}";
            var committed = Platform.Testing.ConsumerGroups.Committed(platform.BootstrapServers, group, topics);
            var behind = committed
                .Select(c => (c.TopicPartition, c.Offset.Value, End: end.GetValueOrDefault(c.TopicPartition)))
                .Where(c => c.Value < c.End)
                .Select(c => $"{c.TopicPartition.Topic[(platform.TopicNamespace.Length + 1)..]}[{c.TopicPartition.Partition.Value}] {c.Value}/{c.End}");
            lines.Add($"{service}: {committed.Count} partitions committed; behind: {string.Join(", ", behind.DefaultIfEmpty("none"))}");
        }

        return string.Join('\n', lines);
    }
}
