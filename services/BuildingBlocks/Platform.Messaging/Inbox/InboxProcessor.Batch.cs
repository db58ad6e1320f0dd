using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
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
/// Implementation note: the batch stops at the first message that does not simply apply (its handler throws, says "not
/// yet", or the message is malformed): its savepoint is rolled back, what came before commits, and that message goes
/// through the single-message path (retries, parking, dead letters); the batch then resumes after it. Messages are
/// therefore applied strictly in consumed order, so per-key order and the parking rules are exactly those of the
/// single path. Exactly once holds as there: the inbox row goes in first, <c>on conflict do nothing</c>.
/// </remarks>
public sealed partial class InboxProcessor
{
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
        var outcomes = new List<InboxOutcome>();
        var started = Stopwatch.GetTimestamp();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var held = await HeldKeysAsync(transaction, messages.Skip(start), cancellationToken);
        var enqueued = false;
        var types = new List<string>();
        foreach (var message in messages.Skip(start))
        {
            var envelope = EventEnvelope.FromHeaders(message.Headers, out _);
            if (envelope is null)
            {
                break;
            }

            var type = _types.Resolve(envelope.Type, envelope.SchemaVersion);
            if (type is null || !_handlers.Handles(type))
            {
                outcomes.Add(InboxOutcome.Ignored);
                types.Add(envelope.Type);
                continue;
            }

            var key = ParkingLot.KeyOf(message, envelope);
            if (key is not null && held.Contains((message.Topic, key)))
            {
                await _parking.ParkBehindAsync(transaction, message, envelope.MessageId, key, envelope.Type, cancellationToken);
                outcomes.Add(InboxOutcome.Parked);
                types.Add(envelope.Type);
                continue;
            }

            var outcome = await TryApplyAsync(transaction, message, envelope, type, cancellationToken);
            if (outcome is null)
            {
                break;
            }

            enqueued |= outcome.Value.Enqueued;
            outcomes.Add(outcome.Value.Outcome);
            types.Add(envelope.Type);
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
            MessagingMetrics.Consumed.WithLabels(messages[start + i].Topic, types[i], label).Inc();
            if (outcomes[i] == InboxOutcome.Applied)
            {
                MessagingMetrics.HandlerDuration.WithLabels(types[i]).Observe(perMessage);
            }
        }

        return outcomes;
    }

    /// <summary>Applies one message under a savepoint; null (savepoint rolled back) when it must take the single path.</summary>
    private async Task<(InboxOutcome Outcome, bool Enqueued)?> TryApplyAsync(
        NpgsqlTransaction transaction, IncomingMessage message, EventEnvelope envelope, Type type, CancellationToken cancellationToken)
    {
        object? @event;
        try
        {
            @event = JsonSerializer.Deserialize(message.Payload, type, EventTypeRegistry.JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }

        if (@event is null)
        {
            return null;
        }

        using var activity = Source.StartActivity($"consume {envelope.Type}", ActivityKind.Consumer, envelope.TraceParent);
        using var correlation = CorrelationContext.Begin(envelope.CorrelationId, envelope.MessageId.ToString());
        try
        {
            return await ApplyInAsync(transaction, message, envelope, @event, null, cancellationToken, savepoint: "message");
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !TransientFailures.IsTransient(ex))
        {
            await transaction.RollbackAsync("message", cancellationToken);
            return null;
        }
    }

    private async Task<HashSet<(string Topic, string Key)>> HeldKeysAsync(
        NpgsqlTransaction transaction, IEnumerable<IncomingMessage> messages, CancellationToken cancellationToken)
    {
        var keys = messages.Select(m => (m.Topic, Key: ParkingLot.KeyOf(m, null) ?? string.Empty)).Distinct().ToList();
        await using var command = new NpgsqlCommand(
            $"select distinct topic, message_key from {_tables.Parked} where message_key = any(@keys)", transaction.Connection, transaction);
        command.Parameters.AddWithValue("keys", NpgsqlDbType.Array | NpgsqlDbType.Text, keys.Select(k => k.Key).Distinct().ToArray());
        var held = new HashSet<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add((reader.GetString(0), reader.GetString(1)));
        }

        return held;
    }
}
