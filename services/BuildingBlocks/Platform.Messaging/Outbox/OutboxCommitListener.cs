using Marten;
using Marten.Services;
using Platform.Persistence;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Signals the relay after a committed Marten transaction that enqueued outbox events. A transaction that enqueued
/// nothing leaves the relay asleep: waking it on every commit made it run an empty pass (three queries) per write, which
/// measurably cost a write-heavy service (the fund's ledger) a tenth of its database time. The relay's poll still covers
/// anything a signal could miss. It adds itself to the service's store as an <see cref="IStoreExtension"/>.
/// </summary>
internal sealed class OutboxCommitListener(OutboxSignal signal) : DocumentSessionListenerBase, IStoreExtension
{
    public void Configure(StoreOptions options) => options.Listeners.Add(this);

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (EventOutbox.TakeEnqueued(session))
        {
            signal.Notify();
        }

        return Task.CompletedTask;
    }
}
