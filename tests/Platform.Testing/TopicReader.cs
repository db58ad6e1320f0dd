using Confluent.Kafka;

namespace Platform.Testing;

/// <summary>Reads a topic from the beginning with a throwaway consumer group: what was really published.</summary>
public static class TopicReader
{
    public static List<ConsumeResult<string, byte[]>> ReadAll(string bootstrapServers, string topic, TimeSpan idle)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            FetchWaitMaxMs = 50,
        }).Build();
        consumer.Subscribe(topic);
        var results = new List<ConsumeResult<string, byte[]>>();
        var lastSeen = DateTime.UtcNow;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow - lastSeen < idle + (results.Count == 0 ? TimeSpan.FromSeconds(3) : TimeSpan.Zero) && DateTime.UtcNow < deadline)
        {
            ConsumeResult<string, byte[]>? result;
            try
            {
                result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            }
            catch (ConsumeException ex) when (ex.Error.Code == ErrorCode.UnknownTopicOrPart)
            {
                // A topic nobody has written to yet holds nothing.
                continue;
            }

            if (result?.Message is not null)
            {
                results.Add(result);
                lastSeen = DateTime.UtcNow;
            }
        }

        consumer.Close();
        return results;
    }
}
