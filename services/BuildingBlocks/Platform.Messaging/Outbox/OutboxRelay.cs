using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Messaging.Envelope;
using Platform.Messaging.Kafka;
using Platform.Messaging.Store;
using Platform.ServiceDefaults.Observability;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows to Kafka in position order and marks them published once Kafka has
/// acknowledged them; retries, with backoff, until it does.
/// </summary>
/// <remarks>
/// Implementation note: each batch runs in a transaction holding a transaction-scoped advisory lock,
/// so with several replicas only one relays at a time and per-key order holds. A crash after Kafka's
/// acknowledgement and before the row is marked re-publishes the row on restart: delivery is
/// at-least-once and consumers deduplicate by message id (architecture.md §3).
/// </remarks>
public sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    MessagingTables tables,
    KafkaClientFactory kafka,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new(TelemetryExtensions.MessagingActivitySource);
    private readonly MessagingOptions _options = options.Value;
    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var producer = kafka.CreateProducer("relay");
        var consecutiveFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = _options.RelayPollInterval;
            try
            {
                var (published, failed) = await PublishBatchAsync(producer, stoppingToken);
                consecutiveFailures = failed ? consecutiveFailures + 1 : 0;
                if (failed)
                {
                    delay = Backoff(consecutiveFailures);
                }
                else if (published >= _options.RelayBatchSize)
                {
                    continue;
                }

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

        producer.Flush(TimeSpan.FromSeconds(5));
    }

    /// <summary>Publishes one batch; returns how many were acknowledged and whether any failed.</summary>
    internal async Task<(int Published, bool Failed)> PublishBatchAsync(IProducer<string, byte[]> producer, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await TryLockAsync(connection, transaction, cancellationToken))
        {
            return (0, false);
        }

        var rows = await ReadUnpublishedAsync(connection, transaction, cancellationToken);
        await UpdateBacklogAsync(connection, transaction, cancellationToken);
        if (rows.Count == 0)
        {
            return (0, false);
        }

        if (_options.CrashBeforePublish)
        {
            Environment.FailFast("Fault injection: crashing between commit and publish (Messaging:CrashBeforePublish).");
        }

        var deliveries = rows.Select(row => PublishAsync(producer, row, cancellationToken)).ToList();
        var outcomes = await Task.WhenAll(deliveries);
        var acknowledged = outcomes.Where(o => o.Error is null).Select(o => o.Row.Position).ToArray();
        var failures = outcomes.Where(o => o.Error is not null).ToList();

        await MarkAsync(connection, transaction, acknowledged, failures, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (failures.Count > 0)
        {
            logger.LogWarning("Kafka did not acknowledge {Count} outbox events ({Error}); they stay queued", failures.Count, failures[0].Error);
        }

        return (acknowledged.Length, failures.Count > 0);
    }

    private static async Task<Outcome> PublishAsync(IProducer<string, byte[]> producer, OutboxRow row, CancellationToken cancellationToken)
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
            await producer.ProduceAsync(
                row.Topic,
                new Message<string, byte[]> { Key = row.Key, Value = System.Text.Encoding.UTF8.GetBytes(row.Payload), Headers = envelope.ToHeaders() },
                cancellationToken);
            MessagingMetrics.Published.WithLabels(row.Topic, row.Type).Inc();
            MessagingMetrics.RelayLatency.Observe(Math.Max(0, (DateTimeOffset.UtcNow - row.OccurredAt).TotalSeconds));
            return new Outcome(row, null);
        }
        catch (KafkaException ex)
        {
            MessagingMetrics.PublishFailures.WithLabels(row.Topic).Inc();
            activity?.SetStatus(ActivityStatusCode.Error, ex.Error.Reason);
            return new Outcome(row, ex.Error.Reason);
        }
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(30_000, _options.RelayPollInterval.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 10))));

    internal sealed record OutboxRow(
        long Position, Guid MessageId, string Topic, string Key, string Type, int Version, string Payload,
        string CorrelationId, string? CausationId, string? TraceParent, string? TraceState, DateTimeOffset OccurredAt);

    private sealed record Outcome(OutboxRow Row, string? Error);
}
