using System.Diagnostics;
using System.Text.Json;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox.Parking;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Observability;

namespace Platform.Messaging.Inbox;

/// <summary>
/// A poll's worth of messages applied in one database transaction, one savepoint per message: one commit (one WAL
/// flush) for the lot instead of one per message, which is what bounds a single consumer on durable storage.
/// </summary>
/// <remarks>
/// Implementation note: the batch claims its messages' inbox rows in one statement first (<c>on conflict do
/// nothing</c>, in the same snapshot as the look-up of held keys, see <see cref="ClaimAsync"/>), so a message costs
/// only its handler's round trips: the savepoint for the next message travels with the handler's changes. The batch
/// stops at the first message that does not simply apply (its handler throws, says "not yet", or the message is
/// malformed): the savepoint is rolled back, the inbox rows claimed for it and the messages after it are deleted again
/// (they were inserted by this very transaction, so nothing of them remains), what came before commits, and that
/// message goes through the single-message path (retries, parking, dead letters); the batch then resumes after it.
/// Messages are therefore applied strictly in consumed order, so per-key order and the parking rules are exactly those
/// of the single path, and exactly once holds as there.
/// </remarks>
public sealed partial class InboxProcessor
{
    private const string Savepoint = "message";

    public async Task<IReadOnlyList<InboxOutcome>> ProcessBatchAsync(IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken)
    {
        var outcomes = new List<InboxOutcome>(messages.Count);
        while (outcomes.Count < messages.Count)
        {
            var start = outcomes.Count;
            List<InboxOutcome> applied;
            try
            {
                applied = await _infrastructure.ExecuteAsync(
                    async token => await ApplyBatchAsync(messages, start, token), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Whatever broke the batch (nothing of it committed), the single path takes the message it stopped at.
                _logger.LogWarning(ex, "A consumer batch failed; applying its messages one by one");
                applied = [];
            }

            outcomes.AddRange(applied);
            if (outcomes.Count < messages.Count)
            {
                outcomes.Add(await ProcessAsync(messages[outcomes.Count], deadLetterOnFailure: true, cancellationToken));
            }
        }

        return outcomes;
    }

    private async Task<List<InboxOutcome>> ApplyBatchAsync(IReadOnlyList<IncomingMessage> messages, int start, CancellationToken cancellationToken)
    {
        var batch = Decode(messages, start);
        var outcomes = new List<InboxOutcome>(batch.Count);
        if (batch.Count == 0)
        {
            return outcomes;
        }

        var started = Stopwatch.GetTimestamp();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (held, claimed) = await ClaimAsync(transaction, batch, cancellationToken);

        // One session for the batch: each message's changes are flushed under its own savepoint, and a lightweight
        // session keeps nothing between flushes, so handlers see only what the database holds, as on the single path.
        await using var session = _store.LightweightSession(SessionOptions.ForTransaction(transaction));
        var applied = new HashSet<Guid>();
        var enqueued = false;
        foreach (var (message, envelope, @event) in batch)
        {
            var key = ParkingLot.KeyOf(message, envelope);
            if (@event is null)
            {
                outcomes.Add(InboxOutcome.Ignored);
            }
            else if (key is not null && held.Contains((message.Topic, key)))
            {
                await _parking.ParkBehindAsync(transaction, message, envelope.MessageId, key, envelope.Type, cancellationToken);
                await NextSavepointAsync(transaction, cancellationToken);
                outcomes.Add(InboxOutcome.Parked);
            }
            else if (!claimed.Contains(envelope.MessageId) || applied.Contains(envelope.MessageId))
            {
                outcomes.Add(InboxOutcome.Duplicate);
            }
            else if (await TryHandleAsync(session, envelope, @event, cancellationToken) is { } outboxEnqueued)
            {
                applied.Add(envelope.MessageId);
                enqueued |= outboxEnqueued;
                outcomes.Add(InboxOutcome.Applied);
            }
            else
            {
                await UnclaimAsync(transaction, claimed.Except(applied).ToArray(), cancellationToken);
                break;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        if (enqueued)
        {
            _outboxSignal.Notify();
        }

        var perMessage = Stopwatch.GetElapsedTime(started).TotalSeconds / Math.Max(1, outcomes.Count);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var label = outcomes[i] switch { InboxOutcome.Applied => "applied", InboxOutcome.Duplicate => "duplicate", InboxOutcome.Parked => "parked", _ => "ignored" };
            MessagingMetrics.Consumed.WithLabels(batch[i].Message.Topic, batch[i].Envelope.Type, label).Inc();
            if (outcomes[i] == InboxOutcome.Applied)
            {
                MessagingMetrics.HandlerDuration.WithLabels(batch[i].Envelope.Type).Observe(perMessage);
            }
        }

        return outcomes;
    }

    /// <summary>
    /// The messages from <paramref name="start"/> up to the first one without a usable envelope or payload (that one takes
    /// the single path); the event is null for a type the service does not handle.
    /// </summary>
    private List<(IncomingMessage Message, EventEnvelope Envelope, object? Event)> Decode(IReadOnlyList<IncomingMessage> messages, int start)
    {
        var batch = new List<(IncomingMessage, EventEnvelope, object?)>(messages.Count - start);
        foreach (var message in messages.Skip(start))
        {
            if (EventEnvelope.FromHeaders(message.Headers, out _) is not { } envelope)
            {
                break;
            }

            var type = _types.Resolve(envelope.Type, envelope.SchemaVersion);
            if (type is null || !_handlers.Handles(type))
            {
                batch.Add((message, envelope, null));
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(message.Payload, type, EventTypeRegistry.JsonOptions) is not { } @event)
                {
                    break;
                }

                batch.Add((message, envelope, @event));
            }
            catch (JsonException)
            {
                break;
            }
        }

        return batch;
    }

    /// <summary>Runs one handler under the current savepoint; true when it enqueued outbox events, null when it must take the single path.</summary>
    private async Task<bool?> TryHandleAsync(
        IDocumentSession session, EventEnvelope envelope, object @event, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity($"consume {envelope.Type}", ActivityKind.Consumer, envelope.TraceParent);
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.message.id", envelope.MessageId.ToString());
        using var correlation = CorrelationContext.Begin(envelope.CorrelationId, envelope.MessageId.ToString());
        try
        {
            await using var scope = _services.CreateAsyncScope();
            await _handlers.DispatchAsync(scope.ServiceProvider, @event, envelope, session, cancellationToken);

            // The next message's savepoint goes with this one's changes: no round trip of its own.
            session.QueueSqlCommand($"release savepoint {Savepoint}");
            session.QueueSqlCommand($"savepoint {Savepoint}");
            await session.SaveChangesAsync(cancellationToken);
            return EventOutbox.TakeEnqueued(session);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !TransientFailures.IsTransient(ex))
        {
            return null;
        }
    }

    private static async Task NextSavepointAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"release savepoint {Savepoint}; savepoint {Savepoint}", transaction.Connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Undoes the failed message's changes and the inbox rows this batch claimed but did not apply.</summary>
    private async Task UnclaimAsync(NpgsqlTransaction transaction, Guid[] unapplied, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"rollback to savepoint {Savepoint}; delete from {_tables.Inbox} where message_id = any(@ids)", transaction.Connection, transaction);
        command.Parameters.AddWithValue("ids", unapplied);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
