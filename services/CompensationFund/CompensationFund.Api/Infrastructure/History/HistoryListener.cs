using System.Text.Json;
using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.History;
using CompensationFund.Api.Domain.Settlement;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;

namespace CompensationFund.Api.Infrastructure.History;

/// <summary>
/// Before a unit of work commits, queues one history row for every proposal, obligation, settlement and reversal request it inserts or
/// updates — the record as it will stand — so the history commits with the change or not at all, whichever use case
/// made it. The table refuses UPDATE, DELETE and TRUNCATE (<see cref="LedgerSchema.ProtectEventsSql"/>): a state, once
/// written, cannot be overwritten.
/// </summary>
/// <remarks>
/// Implementation note: a row queued as SQL, not an event: Marten turns pending events into operations before it calls
/// the listeners, so an event appended here would be dropped; a queued command is still part of the batch.
/// </remarks>
public sealed class HistoryListener(LedgerSchema schema) : DocumentSessionListenerBase
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        Queue<CompensationProposal>(session, RecordHistory.Proposal, p => p.Id);
        Queue<Obligation>(session, RecordHistory.Obligation, o => o.Id);
        Queue<AllocationSettlement>(session, RecordHistory.Settlement, s => s.Id);
        Queue<Domain.Governance.EntryReversalRequest>(session, RecordHistory.ReversalRequest, r => r.Id);
        return Task.CompletedTask;
    }

    private void Queue<T>(IDocumentSession session, string kind, Func<T, Guid> id)
    {
        // Materialized first: queueing a command adds to the very operations the pending changes are read from.
        foreach (var record in session.PendingChanges.AllChangedFor<T>().DistinctBy(id).ToList())
        {
            session.QueueSqlCommand($"insert into {schema.HistoryTable} (kind, record_id, state) values (?, ?, ?::jsonb)", kind, id(record), JsonSerializer.Serialize(record, Json));
        }
    }
}
