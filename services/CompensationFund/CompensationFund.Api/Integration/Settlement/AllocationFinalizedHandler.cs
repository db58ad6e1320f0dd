using System.Globalization;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Settlement;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;

namespace CompensationFund.Api.Integration.Settlement;

/// <summary>
/// An allocation was finalized: the fund posts each city's net settlement through the clearing account and keeps the
/// record the reconciliation checks. A correcting allocation (one that supersedes another) is only recorded: its
/// differences arrive in <see cref="AllocationSuperseded"/> and are settled there, never the whole amounts again.
/// </summary>
/// <remarks>
/// Implementation note: applied once by the inbox (message id); a republication of the same allocation under a new
/// message id finds the record and changes nothing, and the entry id is derived from the allocation id as a last guard.
/// </remarks>
public sealed class AllocationFinalizedHandler(FundLedger ledger, IEnumerable<IAllocationListener> listeners) : IIntegrationEventHandler<AllocationFinalized>
{
    public static readonly string EventType = IntegrationEventAttribute.NameOf<AllocationFinalized>();

    public async Task HandleAsync(AllocationFinalized finalized, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<AllocationSettlement>(finalized.AllocationId, cancellationToken) is not null)
        {
            return;
        }

        await MemberRecords.RequireJoinedAsync(
            session, finalized.Instructions.Select(i => i.CityId), $"Settlement of allocation {finalized.AllocationId}", cancellationToken);
        var instructions = SettlementInstructions.From(finalized.Instructions);
        var differences = SettlementPosting.Differences(instructions);
        var record = new AllocationSettlement
        {
            Id = finalized.AllocationId,
            IncidentId = finalized.IncidentId,
            Currency = finalized.Currency,
            Supersedes = finalized.Supersedes,
            FinalizedAt = finalized.FinalizedAt,
            Instructed = differences,
        };
        if (finalized.Supersedes is null)
        {
            var lines = SettlementPosting.Lines(new Dictionary<string, long>(), differences);
            if (lines.Count > 0)
            {
                var source = SettlementInstructions.Source(envelope.MessageId, EventType, Inputs(finalized));
                var header = new EntryHeader(EntryKinds.Settlement, finalized.Currency, $"Settlement of allocation {finalized.AllocationId} (incident {finalized.IncidentId})", source);
                var valueDate = await ledger.OpenValueDateAsync(ledger.DateOf(finalized.FinalizedAt), cancellationToken);
                var draft = await ledger.ValidateAsync(new EntryDraft(header, valueDate, lines), cancellationToken);
                var posted = draft.Post(EntryIds.ForReference($"allocation:{finalized.AllocationId}:settlement"), ledger.Now);
                ledger.Record(session, [LedgerChange.New(posted)]);
                record.EntryId = posted.EntryId;
            }

            record.Oblige(instructions);
        }

        session.Store(record);
        foreach (var listener in listeners)
        {
            await listener.FinalizedAsync(finalized, envelope, session, cancellationToken);
        }
    }

    private static Dictionary<string, string> Inputs(AllocationFinalized f) => new()
    {
        ["allocationId"] = f.AllocationId.ToString(),
        ["incidentId"] = f.IncidentId.ToString(),
        ["agreement"] = $"{f.AgreementId} v{f.AgreementVersion}",
        ["rule"] = f.Rule,
        ["category"] = f.Category,
        ["netEligibleCost"] = f.NetEligibleCost.ToString(CultureInfo.InvariantCulture),
        ["finalizedAt"] = f.FinalizedAt.ToString("O", CultureInfo.InvariantCulture),
    };
}

/// <summary>Other use cases that react to a finalized allocation in the same unit of work (compensation proposals).</summary>
public interface IAllocationListener
{
    Task FinalizedAsync(AllocationFinalized finalized, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken);
}
