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
    private readonly GroupLeave _leave = new();
    private DateTimeOffset _lastCommit = DateTimeOffset.UtcNow;
    private int _uncommitted;

    public async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        using var consumer = kafka.CreateConsumer(worker, builder => builder
            .SetPartitionsAssignedHandler((_, assigned) => Assigned(assigned))
            .SetPartitionsRevokedHandler((c, revoked) =>
            {
                _leave.Rebalanced();
                // Last chance to commit for these partitions: whether or not it succeeds, their offsets are no longer ours
                // to commit (see Unassigned).
                Commit(c, revoked.Select(r => _pending.GetValueOrDefault(r.TopicPartition)).OfType<TopicPartitionOffset>().ToList());
                Unassigned(revoked.Select(r => r.TopicPartition), "revoked");
            })
            .SetPartitionsLostHandler((_, lost) =>
            {
                _leave.Rebalanced();
                Unassigned(lost.Select(l => l.TopicPartition), "lost");
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
                    foreach (var result in batch.Where(r => _assigned.Contains(r.TopicPartition)))
                    {
                        // A partition revoked while its messages were being taken or applied belongs to another member
                        // now, which reads it from the offset committed at the revoke: committing ours later could move
                        // that member's progress back (implementation note on Unassigned).
                        _pending[result.TopicPartition] = new TopicPartitionOffset(result.TopicPartition, result.Offset + 1);
                        _uncommitted++;
                    }

                    RecordLag(consumer, batch[^1]);
                }

                if (batch.Count == 0 || _uncommitted >= options.CommitEveryMessages
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
            // A plain Close() here, during a rebalance, could abort the process (GroupLeave); the revoke on the way out
            // still commits what is pending.
            Commit(consumer, _pending.Values.ToList());
            if (!_leave.Leave(consumer, LeaveWithin))
            {
                logger.LogWarning("Consumer {Worker} closed while its group was still rebalancing ({Within} passed)", worker, LeaveWithin);
            }
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
        _leave.Rebalanced();
        _assigned.UnionWith(partitions);
        MessagingMetrics.AssignedPartitions.WithLabels(Label).Set(_assigned.Count);
        if (partitions.Count > 0)
        {
            logger.LogInformation(
                "Consumer {Worker} assigned {Partitions}", worker, string.Join(", ", partitions.Select(p => $"{p.Topic}[{p.Partition.Value}]")));
        }
    }

    /// <summary>Partitions revoked or lost: their pending offsets are dropped, committed or not.</summary>
    /// <remarks>
    /// Implementation note: a commit in the revoke callback often fails while the group rebalances ("generation id is
    /// not valid", "rebalance in progress"). Kept pending, such an offset used to be committed on a later pass, after the
    /// partition's new owner had read from the older committed offset and committed its own, further progress: the
    /// group's offset went back, and when no new message arrived on that partition it stayed behind the end for good
    /// (found by reading the code and the rebalance tests; the redelivery fault test's own stall was its rewinding
    /// consumer, docs/fault-tests.md). Dropping it costs at most a
    /// redelivery of what this member applied, which the inbox absorbs; a broker accepts a commit for a partition the
    /// member does not own, so only the member can keep itself from committing one.
    /// </remarks>
    private void Unassigned(IEnumerable<TopicPartition> partitions, string how)
    {
        var gone = partitions.ToList();
        gone.ForEach(p => _pending.Remove(p));
        _assigned.ExceptWith(gone);
        MessagingMetrics.AssignedPartitions.WithLabels(Label).Set(_assigned.Count);
        logger.LogInformation(
            "Consumer {Worker} {How} {Partitions}", worker, how, string.Join(", ", gone.Select(p => $"{p.Topic}[{p.Partition.Value}]")));
    }

    /// <summary>Well inside the host's shutdown timeout (30 s by default), with the replica's workers leaving side by side.</summary>
    private static readonly TimeSpan LeaveWithin = TimeSpan.FromSeconds(10);

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

            _uncommitted = 0;
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
