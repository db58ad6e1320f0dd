using System.Diagnostics;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using Platform.Messaging.Envelope;
using Platform.ServiceDefaults.Observability;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Records integration events in the same Marten unit of work as the state change that causes them.
/// Nothing is sent here: the relay publishes after the transaction commits, so a change that rolls back
/// publishes nothing and a committed change never loses its event.
/// </summary>
public sealed class EventOutbox(EventTypeRegistry registry, MessagingTables tables, IOptions<MessagingOptions> options, TimeProvider clock)
{
    /// <summary>Sessions that enqueued events and have not committed yet, so the commit listener wakes the relay only for them.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IDocumentSession, object> Enqueued = [];

    /// <summary>True (once) when <paramref name="session"/> enqueued events since it last committed.</summary>
    internal static bool TakeEnqueued(IDocumentSession session) => Enqueued.Remove(session);

    /// <summary>Queues <paramref name="event"/> for this service's topic, keyed by the aggregate id.</summary>
    /// <returns>The message id the event will carry.</returns>
    public Guid Enqueue<TEvent>(IDocumentSession session, string aggregateId, TEvent @event)
        where TEvent : notnull
    {
        var topic = options.Value.PublishTopic
            ?? throw new InvalidOperationException($"{options.Value.ServiceName} has no publish topic configured.");
        return EnqueueTo(session, options.Value.Qualify(topic), aggregateId, @event);
    }

    private Guid EnqueueTo<TEvent>(IDocumentSession session, string topic, string aggregateId, TEvent @event)
        where TEvent : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aggregateId);
        var contract = registry.ContractOf(@event.GetType());
        var messageId = Guid.CreateVersion7();
        var payload = JsonSerializer.Serialize(@event, @event.GetType(), EventTypeRegistry.JsonOptions);
        var size = System.Text.Encoding.UTF8.GetByteCount(payload) + System.Text.Encoding.UTF8.GetByteCount(aggregateId);
        if (size > options.Value.MaxMessageBytes)
        {
            // Refused here, before anything is queued: the broker would refuse it for ever and hold up its key behind it.
            throw new OutboxMessageTooLargeException(contract.Name, aggregateId, size, options.Value.MaxMessageBytes);
        }

        Enqueued.AddOrUpdate(session, topic);
        var activity = Activity.Current;
        session.QueueSqlCommand(
            $"""
            insert into {tables.Outbox} (message_id, topic, message_key, message_type, schema_version, payload,
                correlation_id, causation_id, trace_parent, trace_state, occurred_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            messageId,
            topic,
            aggregateId,
            contract.Name,
            contract.Version,
            payload,
            CorrelationContext.CorrelationId ?? messageId.ToString("N"),
            (object?)CorrelationContext.CausationId ?? DBNull.Value,
            (object?)activity?.Id ?? DBNull.Value,
            (object?)activity?.TraceStateString ?? DBNull.Value,
            clock.GetUtcNow());
        return messageId;
    }
}
