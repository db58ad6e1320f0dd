using Marten;
using Platform.Contracts;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;

namespace Platform.Benchmarks.Messaging;

[IntegrationEvent("bench.reading-recorded", 1)]
public sealed record ReadingRecorded(string SensorId, int Sequence, decimal Value);

/// <summary>The consumer's state: one document per sensor with the last applied sequence.</summary>
public sealed class SensorState
{
    public string Id { get; set; } = string.Empty;

    public int LastSequence { get; set; }

    public int Applied { get; set; }
}

public sealed class ReadingRecordedHandler : IIntegrationEventHandler<ReadingRecorded>
{
    public async Task HandleAsync(ReadingRecorded @event, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var state = await session.LoadAsync<SensorState>(@event.SensorId, cancellationToken) ?? new SensorState { Id = @event.SensorId };
        if (@event.Sequence <= state.LastSequence)
        {
            MessagingThroughput.RecordOutOfOrder();
        }

        state.LastSequence = @event.Sequence;
        state.Applied++;
        session.Store(state);
        MessagingThroughput.RecordApplied(envelope.OccurredAt);
    }
}
