using Marten;
using Platform.Messaging.Envelope;

namespace Platform.Messaging.Inbox;

/// <summary>
/// Applies one consumed integration event. The handler changes state through <paramref name="session"/>
/// and must not save it: the consumer commits the change together with the inbox record of the message,
/// so a redelivered message changes nothing.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
{
    Task HandleAsync(TEvent @event, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken);
}
