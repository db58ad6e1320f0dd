using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Platform.Messaging.Kafka;

namespace Platform.Messaging.Inbox;

/// <summary>
/// One member of the service's consumer group: reads what Kafka assigned it, applies each poll's worth through the
/// <see cref="InboxProcessor"/>, and commits offsets only after the messages' transaction has committed (never
/// auto-commit). Offsets are committed in small batches; a crash redelivers at most the uncommitted tail, which the
/// inbox deduplicates.
/// </summary>
internal sealed class ConsumerWorker(
    KafkaClientFactory kafka, InboxProcessor processor, Health.RelayProgress progress, MessagingOptions options, int worker, ILogger logger)
{
    private readonly Dictionary<TopicPartition, TopicPartitionOffset> _pending = [];
    private readonly HashSet<TopicPartition> _assigned = [];
    private DateTimeOffset _lastCommit = DateTimeOffset.UtcNow;

    public async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        using var consumer = kafka.CreateConsumer(worker, builder => builder
            .SetPartitionsAssignedHandler((_, assigned) => Assigned(assigned))
            .SetPartitionsRevokedHandler((c, revoked) =>
            {
                Commit(c, revoked.Select(r => _pending.GetValueOrDefault(r.TopicPartition)).OfType<TopicPartitionOffset>().ToList());
                Unassigned(revoked.Select(r => r.TopicPartition));
            })
            .SetPartitionsLostHandler((_, lost) =>
            {
                lost.ForEach(l => _pending.Remove(l.TopicPartition));
                Unassigned(lost.Select(l => l.TopicPartition));
            }));
        consumer.Subscribe(options.SubscribedTopics.Select(options.Qualify));
        logger.LogInformation(
            "Consumer {Worker} reading {Topics} as group {Group}", worker, string.Join(", ", options.SubscribedTopics.Select(options.Qualify)), options.ConsumerGroup);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                List<ConsumeResult<string, byte[]>> batch;
                try
                {
                    progress.Polled();
                    batch = Poll(consumer);
                }
                catch (ConsumeException ex)
                {
                    logger.LogWarning(ex, "Consume failed: {Reason}", ex.Error.Reason);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                    continue;
                }

                if (batch.Count > 0)
                {
                    await processor.ProcessBatchAsync([.. batch.Select(IncomingMessage.From)], stoppingToken);
                    foreach (var result in batch)
                    {
                        _pending[result.TopicPartition] = new TopicPartitionOffset(result.TopicPartition, result.Offset + 1);
                    }

                    RecordLag(consumer, batch[^1]);
                }

                if (batch.Count == 0 || _pending.Count >= options.CommitEveryMessages
                    || DateTimeOffset.UtcNow - _lastCommit >= options.CommitInterval)
                {
                    Commit(consumer, _pending.Values.ToList());
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            Commit(consumer, _pending.Values.ToList());
            consumer.Close();
        }
    }

    /// <summary>Waits for one message, then takes what else the client has already fetched, up to a batch.</summary>
    private List<ConsumeResult<string, byte[]>> Poll(IConsumer<string, byte[]> consumer)
    {
        var batch = new List<ConsumeResult<string, byte[]>>();
        var result = consumer.Consume(TimeSpan.FromMilliseconds(250));
        while (result?.Message is not null)
        {
            batch.Add(result);
            if (batch.Count >= options.ConsumeBatchSize)
            {
                break;
            }

            try
            {
                result = consumer.Consume(TimeSpan.Zero);
            }
            catch (ConsumeException ex)
            {
                // What was taken is applied first; the error shows again on the next poll.
                logger.LogWarning("Consume failed within a batch: {Reason}", ex.Error.Reason);
                break;
            }
        }

        return batch;
    }

    /// <summary>The cooperative assignor hands partitions out incrementally: each call adds to what the worker holds.</summary>
    private void Assigned(List<TopicPartition> partitions)
    {
        _assigned.UnionWith(partitions);
        MessagingMetrics.AssignedPartitions.WithLabels(Label).Set(_assigned.Count);
        if (partitions.Count > 0)
        {
            logger.LogInformation(
                "Consumer {Worker} assigned {Partitions}", worker, string.Join(", ", partitions.Select(p => $"{p.Topic}[{p.Partition.Value}]")));
        }
    }

    private void Unassigned(IEnumerable<TopicPartition> partitions)
    {
        _assigned.ExceptWith(partitions);
        MessagingMetrics.AssignedPartitions.WithLabels(Label).Set(_assigned.Count);
    }

    private string Label => worker.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Commit(IConsumer<string, byte[]> consumer, List<TopicPartitionOffset> offsets)
    {
        _lastCommit = DateTimeOffset.UtcNow;
        if (offsets.Count == 0)
        {
            return;
        }

        try
        {
            consumer.Commit(offsets);
            foreach (var offset in offsets)
            {
                _pending.Remove(offset.TopicPartition);
            }
        }
        catch (KafkaException ex)
        {
            // Not fatal: the offsets stay pending and the inbox absorbs any redelivery.
            logger.LogWarning("Offset commit failed: {Reason}", ex.Error.Reason);
        }
    }

    private static void RecordLag(IConsumer<string, byte[]> consumer, ConsumeResult<string, byte[]> result)
    {
        var watermarks = consumer.GetWatermarkOffsets(result.TopicPartition);
        if (watermarks.High != Offset.Unset)
        {
            MessagingMetrics.ConsumerLag.WithLabels(result.Topic, result.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Set(Math.Max(0, watermarks.High.Value - result.Offset.Value - 1));
        }
    }
}
