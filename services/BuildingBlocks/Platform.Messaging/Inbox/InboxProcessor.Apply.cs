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

/// <summary>Running a handler once, in one transaction with the inbox row (and the parked row it releases).</summary>
public sealed partial class InboxProcessor
{
    private async Task<InboxOutcome> ApplyAsync(
        IncomingMessage message, EventEnvelope envelope, Type type, string? key, ParkedMessage? parked, CancellationToken cancellationToken)
    {
        object? @event;
        try
        {
            @event = JsonSerializer.Deserialize(message.Payload, type, EventTypeRegistry.JsonOptions);
        }
        catch (JsonException ex)
        {
            return await DeadLetterAsync(
                message, envelope.MessageId, key, envelope.Type, $"Payload is not a valid {envelope.Type} v{envelope.SchemaVersion}: {ex.Message}", 1, cancellationToken);
        }

        if (@event is null)
        {
            return await DeadLetterAsync(message, envelope.MessageId, key, envelope.Type, "Payload is null.", 1, cancellationToken);
        }

        using var activity = Source.StartActivity($"consume {envelope.Type}", ActivityKind.Consumer, envelope.TraceParent);
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.message.id", envelope.MessageId.ToString());
        using var correlation = CorrelationContext.Begin(envelope.CorrelationId, envelope.MessageId.ToString());
        var started = Stopwatch.GetTimestamp();
        try
        {
            var outcome = await _pipeline.ExecuteAsync(
                async token => await ApplyOnceAsync(message, envelope, @event, parked, token), cancellationToken);
            MessagingMetrics.Consumed.WithLabels(message.Topic, envelope.Type, outcome == InboxOutcome.Applied ? "applied" : "duplicate").Inc();
            MessagingMetrics.HandlerDuration.WithLabels(envelope.Type).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            return outcome;
        }
        catch (Exception ex) when (RetryPipelines.NotReady(ex) is { } notReady)
        {
            return await NotReadyAsync(message, envelope, key ?? envelope.MessageId.ToString(), parked, notReady.Reason, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Handling {Type} {MessageId} failed {Attempts} times", envelope.Type, envelope.MessageId, MaxAttempts);
            return await DeadLetterAsync(message, envelope.MessageId, key, envelope.Type, $"{ex.GetType().Name}: {ex.Message}", MaxAttempts, cancellationToken);
        }
    }

    /// <summary>
    /// The inbox row goes in first (<c>on conflict do nothing</c>): a message already applied is known before its handler
    /// runs, with no separate look-up. The handler's session works inside the same transaction.
    /// </summary>
    private async Task<InboxOutcome> ApplyOnceAsync(
        IncomingMessage message, EventEnvelope envelope, object @event, ParkedMessage? parked, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (outcome, enqueued) = await ApplyInAsync(transaction, message, envelope, @event, parked, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (enqueued)
        {
            _outboxSignal.Notify();
        }

        return outcome;
    }

    private async Task<(InboxOutcome Outcome, bool Enqueued)> ApplyInAsync(
        NpgsqlTransaction transaction, IncomingMessage message, EventEnvelope envelope, object @event, ParkedMessage? parked, CancellationToken cancellationToken)
    {
        await using (var inbox = new NpgsqlCommand(
            $"""
            insert into {_tables.Inbox} (message_id, message_type, topic, kafka_partition, kafka_offset) values (@id, @type, @topic, @partition, @offset)
            on conflict (message_id) do nothing
            """,
            transaction.Connection,
            transaction))
        {
            inbox.Parameters.AddWithValue("id", envelope.MessageId);
            inbox.Parameters.AddWithValue("type", envelope.Type);
            inbox.Parameters.AddWithValue("topic", message.Topic);
            inbox.Parameters.AddWithValue("partition", message.Partition);
            inbox.Parameters.AddWithValue("offset", message.Offset);
            if (await inbox.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                if (parked is not null)
                {
                    await using var release = new NpgsqlCommand($"delete from {_tables.Parked} where message_id = @id", transaction.Connection, transaction);
                    release.Parameters.AddWithValue("id", parked.MessageId);
                    await release.ExecuteNonQueryAsync(cancellationToken);
                }

                return (InboxOutcome.Duplicate, false);
            }
        }

        await using var scope = _services.CreateAsyncScope();
        await using var session = _store.LightweightSession(SessionOptions.ForTransaction(transaction));
        await _handlers.DispatchAsync(scope.ServiceProvider, @event, envelope, session, cancellationToken);
        if (parked is not null)
        {
            _parking.QueueRelease(session, parked.MessageId);
        }

        await session.SaveChangesAsync(cancellationToken);
        return (InboxOutcome.Applied, EventOutbox.TakeEnqueued(session));
    }

    /// <summary>Parks a message that is not ready (or parks it again, later), until its schedule is spent: then it is dead-lettered.</summary>
    private async Task<InboxOutcome> NotReadyAsync(
        IncomingMessage message, EventEnvelope envelope, string key, ParkedMessage? parked, string reason, CancellationToken cancellationToken)
    {
        var attempts = (parked?.Attempts ?? 0) + 1;
        if (_schedule.DelayAfter(attempts) is not { } delay)
        {
            return await DeadLetterAsync(
                message, envelope.MessageId, key, envelope.Type, $"Not ready after {attempts} tries over the parking schedule: {reason}", attempts, cancellationToken);
        }

        var next = _clock.GetUtcNow() + delay;
        await _infrastructure.ExecuteAsync(
            async token =>
            {
                if (parked is null)
                {
                    await _parking.ParkAsync(message, envelope.MessageId, key, envelope.Type, reason, next, token);
                }
                else
                {
                    await _parking.RescheduleAsync(parked.MessageId, reason, next, token);
                }
            },
            cancellationToken);
        _logger.LogInformation("Parked {Type} {MessageId} (key {Key}) until {Next}: {Reason}", envelope.Type, envelope.MessageId, key, next, reason);
        MessagingMetrics.Parked.WithLabels(message.Topic, envelope.Type, "not_ready").Inc();
        MessagingMetrics.Consumed.WithLabels(message.Topic, envelope.Type, "parked").Inc();
        return InboxOutcome.Parked;
    }

    /// <summary>Dead-letters a message; it stays in the park, holding its key, until the coordinator replays or discards it.</summary>
    private async Task<InboxOutcome> DeadLetterAsync(
        IncomingMessage message, Guid messageId, string? key, string? type, string reason, int attempts, CancellationToken cancellationToken)
    {
        await _deadLetters.SendAsync(
            message, messageId, reason, attempts,
            key is null ? null : session => _parking.QueueDead(session, message, messageId, key, type, reason, attempts),
            cancellationToken);
        MessagingMetrics.Consumed.WithLabels(message.Topic, type ?? "unknown", "dead_lettered").Inc();
        return InboxOutcome.DeadLettered;
    }
}
