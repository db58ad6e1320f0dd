using Marten;
using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging.Envelope;

namespace Platform.Messaging.Inbox;

/// <summary>Which handler applies which contract; messages of other types are ignored (readers tolerate what they don't need).</summary>
public sealed class HandlerRegistry
{
    private readonly Dictionary<Type, Func<IServiceProvider, object, EventEnvelope, IDocumentSession, CancellationToken, Task>> _handlers = [];

    public void Add<TEvent, THandler>()
        where THandler : IIntegrationEventHandler<TEvent>
    {
        _handlers[typeof(TEvent)] = (services, @event, envelope, session, cancellationToken) =>
            services.GetRequiredService<THandler>().HandleAsync((TEvent)@event, envelope, session, cancellationToken);
    }

    public bool Handles(Type eventType) => _handlers.ContainsKey(eventType);

    public Task DispatchAsync(
        IServiceProvider services, object @event, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken) =>
        _handlers[@event.GetType()](services, @event, envelope, session, cancellationToken);
}
