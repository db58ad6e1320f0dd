using Marten;
using Marten.Services;

namespace Platform.Messaging.Outbox;

/// <summary>Signals the relay after every committed Marten transaction.</summary>
internal sealed class OutboxCommitListener(OutboxSignal signal) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
