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
/// A finalized allocation was corrected: the fund settles only the differences, moving each city from its outstanding
/// position to the corrected one through the clearing account (docs/compensation-fund.md §7). Applied once per correction.
/// </summary>
public sealed class AllocationSupersededHandler(FundLedger ledger) : IIntegrationEventHandler<AllocationSuperseded>
{
    public static readonly string EventType = IntegrationEventAttribute.NameOf<AllocationSuperseded>();

    public async Task HandleAsync(AllocationSuperseded superseded, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var record = await session.LoadAsync<AllocationSettlement>(superseded.SupersededAllocationId, cancellationToken)
            ?? throw new MessageNotReadyException(
                $"Correction {superseded.NewAllocationId} waits for the settlement of allocation {superseded.SupersededAllocationId}");
        if (record.Adjustments.Any(a => a.AllocationId == superseded.NewAllocationId))
        {
            return;
        }

        await MemberRecords.RequireJoinedAsync(
            session, superseded.AdjustmentInstructions.Select(i => i.CityId), $"Correction {superseded.NewAllocationId}", cancellationToken);
        var instructions = SettlementInstructions.From(superseded.AdjustmentInstructions);
        var differences = SettlementPosting.Differences(instructions);
        var lines = SettlementPosting.Lines(record.Outstanding(), differences);
        Guid? entryId = null;
        if (lines.Count > 0)
        {
            var inputs = new Dictionary<string, string>
            {
                ["supersededAllocationId"] = superseded.SupersededAllocationId.ToString(),
                ["newAllocationId"] = superseded.NewAllocationId.ToString(),
                ["reason"] = superseded.Reason,
                ["netPositionChanges"] = string.Join("; ", superseded.Differences.Select(d => $"{d.CityId} {d.NetPositionChange.ToString(CultureInfo.InvariantCulture)}")),
            };
            var header = new EntryHeader(
                EntryKinds.SettlementAdjustment, superseded.Currency, $"Correction of allocation {superseded.SupersededAllocationId} by {superseded.NewAllocationId}: {superseded.Reason}",
                SettlementInstructions.Source(envelope.MessageId, EventType, inputs));
            var valueDate = await ledger.OpenValueDateAsync(ledger.DateOf(superseded.SupersededAt), cancellationToken);
            var draft = await ledger.ValidateAsync(new EntryDraft(header, valueDate, lines), cancellationToken);
            var posted = draft.Post(EntryIds.ForReference($"allocation:{superseded.NewAllocationId}:adjustment"), ledger.Now);
            ledger.Record(session, [LedgerChange.New(posted)]);
            entryId = posted.EntryId;
        }

        record.Oblige(instructions);
        record.Adjustments.Add(new SettlementAdjustment(superseded.NewAllocationId, entryId, differences, superseded.Reason));
        record.SupersededBy = superseded.NewAllocationId;
        session.Store(record);
    }
}
