using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Messaging.Envelope;
using Platform.Messaging.Health;
using Platform.Messaging.Kafka;
using Platform.ServiceDefaults.Observability;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows to Kafka in position order and marks them published once Kafka has
/// acknowledged them; retries, with backoff, until it does.
/// </summary>
/// <remarks>
/// Implementation note: each batch runs in a transaction holding a transaction-scoped advisory lock,
/// so with several replicas only one relays at a time and per-key order holds. Within a batch, once a row
/// of a key fails, the key's later rows are not produced, and of the rows Kafka acknowledged only those
/// before the key's first failure are marked: a later event never overtakes an earlier one (the producer's
/// gapless guarantee makes a gap inside a partition fatal rather than silent). A crash after Kafka's
/// acknowledgement and before the row is marked re-publishes the row on restart: delivery is
/// at-least-once and consumers deduplicate by message id (architecture.md §3).
/// </remarks>
public sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    MessagingTables tables,
    KafkaClientFactory kafka,
    OutboxSignal signal,
    RelayProgress progress,
    IOptions<MessagingOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new(TelemetryExtensions.MessagingActivitySource);
    private readonly MessagingOptions _options = options.Value;
    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;
    private DateTimeOffset _lastSample = DateTimeOffset.MinValue;

    /// <summary>The relay's producer, rebuilt after a fatal error.</summary>
    internal HealingProducer Producer { get; } = new(kafka, "relay", logger);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consecutiveFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = _options.RelayPollInterval;
            try
            {
                Producer.HealIfFatal();
                var (published, failed) = await PublishBatchAsync(Producer, stoppingToken);
                consecutiveFailures = failed ? consecutiveFailures + 1 : 0;
                if (failed)
                {
                    delay = Backoff(consecutiveFailures);
                }
                else if (published >= _options.RelayBatchSize)
                {
                    continue;
                }

                await SampleBacklogAsync(stoppingToken);
                await CleanupAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                consecutiveFailures++;
                delay = Backoff(consecutiveFailures);
                logger.LogWarning(ex, "Outbox relay pass failed; retrying in {Delay}", delay);
            }

            try
            {
                await signal.WaitAsync(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Producer.Flush(TimeSpan.FromSeconds(5));
        Producer.Dispose();
    }

    /// <summary>Publishes one batch; returns how many were acknowledged and whether any failed.</summary>
    internal async Task<(int Published, bool Failed)> PublishBatchAsync(HealingProducer producer, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await TryLockAsync(connection, transaction, cancellationToken))
        {
            progress.Idle();
            return (0, false);
        }

        var rows = await ReadUnpublishedAsync(connection, transaction, cancellationToken);
        if (rows.Count == 0)
        {
            progress.Idle();
            return (0, false);
        }

        if (_options.CrashBeforePublish)
        {
            Environment.FailFast("Fault injection: crashing between commit and publish (Messaging:CrashBeforePublish).");
        }

        var outcomes = await Task.WhenAll(Produce(producer, rows, cancellationToken));
        var firstFailure = outcomes.Where(o => o.Error is not null).GroupBy(o => o.Row.Key).ToDictionary(g => g.Key, g => g.Min(o => o.Row.Position), StringComparer.Ordinal);
        var acknowledged = outcomes
            .Where(o => o.Error is null && !(firstFailure.TryGetValue(o.Row.Key, out var first) && o.Row.Position > first))
            .Select(o => o.Row.Position).ToArray();
        var failures = outcomes.Where(o => o.Error is not null).ToList();

        await MarkAsync(connection, transaction, acknowledged, failures, othersAcknowledged: acknowledged.Length > 0, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (failures.Count > 0)
        {
            logger.LogWarning("Kafka did not acknowledge {Count} outbox events ({Error}); they and their keys' later events stay queued", failures.Count, failures[0].Error);
        }

        if (acknowledged.Length > 0)
        {
            progress.Published();
        }

        return (acknowledged.Length, failures.Count > 0);
    }

    /// <summary>Produces the rows in position order; a key whose row failed at once (a local refusal) produces nothing more in this batch.</summary>
    private static List<Task<Outcome>> Produce(HealingProducer producer, List<OutboxRow> rows, CancellationToken cancellationToken)
    {
        var failedKeys = new HashSet<string>(StringComparer.Ordinal);
        var deliveries = new List<Task<Outcome>>(rows.Count);
        foreach (var row in rows)
        {
            if (failedKeys.Contains(row.Key))
            {
                continue;
            }

            var delivery = PublishAsync(producer, row, cancellationToken);
            if (delivery.IsCompletedSuccessfully && delivery.Result.Error is not null)
            {
                failedKeys.Add(row.Key);
            }

            deliveries.Add(delivery);
        }

        return deliveries;
    }

    private static async Task<Outcome> PublishAsync(HealingProducer producer, OutboxRow row, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity($"publish {row.Type}", ActivityKind.Producer, row.TraceParent);
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.destination.name", row.Topic);
        activity?.SetTag("messaging.message.id", row.MessageId.ToString());
        var envelope = new EventEnvelope(
            row.MessageId, row.Type, row.Version, row.Key, row.OccurredAt, row.CorrelationId, row.CausationId,
            activity?.Id ?? row.TraceParent, row.TraceState);
        try
        {
            await producer.Current.ProduceAsync(
                row.Topic,
                new Message<string, byte[]> { Key = row.Key, Value = System.Text.Encoding.UTF8.GetBytes(row.Payload), Headers = envelope.ToHeaders() },
                cancellationToken);
            MessagingMetrics.Published.WithLabels(row.Topic, row.Type).Inc();
            MessagingMetrics.RelayLatency.Observe(Math.Max(0, (DateTimeOffset.UtcNow - row.OccurredAt).TotalSeconds));
            return new Outcome(row, null, ErrorCode.NoError);
        }
        catch (KafkaException ex)
        {
            producer.Observe(ex.Error);
            MessagingMetrics.PublishFailures.WithLabels(row.Topic).Inc();
            activity?.SetStatus(ActivityStatusCode.Error, ex.Error.Reason);
            return new Outcome(row, ex.Error.Reason, ex.Error.Code);
        }
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(30_000, _options.RelayPollInterval.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 10))));

    internal sealed record OutboxRow(
        long Position, Guid MessageId, string Topic, string Key, string Type, int Version, string Payload,
        string CorrelationId, string? CausationId, string? TraceParent, string? TraceState, DateTimeOffset OccurredAt);

    private sealed record Outcome(OutboxRow Row, string? Error, ErrorCode Code)
    {
        /// <summary>Refusals of the message itself, which no retry will cure (unlike a broker that is away).</summary>
        public bool Refused => Code is ErrorCode.InvalidMsgSize or ErrorCode.MsgSizeTooLarge or ErrorCode.RecordListTooLarge
            or ErrorCode.InvalidMsg or ErrorCode.InvalidRecord or ErrorCode.TopicAuthorizationFailed or ErrorCode.TopicException;
    }
}
