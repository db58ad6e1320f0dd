using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Domain.Settlement;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts.Fund;
using Platform.Messaging.Outbox;

namespace CompensationFund.Api.Features.Settlements;

/// <summary>
/// Pays a city's settlement in or out in a unit of work: the cash leg against the bank, the record's new position and a
/// <see cref="SettlementPaid"/>. Records are loaded once per unit of work, so two bank lines for one allocation add up;
/// their optimistic concurrency makes a racing payment fail whole instead of losing one.
/// </summary>
public sealed class SettlementPayments(FundLedger ledger, EventOutbox outbox)
{
    public async Task<LedgerChange> PayAsync(
        IDocumentSession session, Dictionary<Guid, AllocationSettlement> loaded, Guid allocationId, string cityId, long amount, DateOnly paidOn,
        string? bankReference, EntrySource source, SettlementDirection? expected, CancellationToken cancellationToken)
    {
        var root = await SettlementRecords.RootAsync(session, allocationId, cancellationToken);
        var record = loaded.TryGetValue(root.Id, out var known) ? known : loaded[root.Id] = root;
        var direction = record.Positions.FirstOrDefault(p => p.CityId == cityId)?.Direction;
        if (expected is { } wanted && direction is { } actual && actual != wanted)
        {
            throw new FundRuleException("Wrong direction", $"City '{cityId}' is to be paid, not to pay, in allocation {record.Id}.");
        }

        var payment = record.Pay(cityId, amount, paidOn);
        var inputs = new Dictionary<string, string>(source.Inputs ?? new Dictionary<string, string>())
        {
            ["allocationId"] = record.Id.ToString(),
            ["direction"] = SettlementPosition.Name(payment.Direction),
        };
        var header = new EntryHeader(
            EntryKinds.SettlementPayment, record.Currency, $"Settlement {SettlementPosition.Name(payment.Direction)} of allocation {record.Id} by {cityId}",
            source with { Inputs = inputs }, bankReference);
        var draft = await ledger.ValidateAsync(new EntryDraft(header, paidOn, SettlementPosting.PaymentLines(cityId, payment.Direction, amount)), cancellationToken);
        var posted = draft.Post(bankReference is null ? EntryIds.New() : EntryIds.ForReference("bank:" + bankReference), ledger.Now);
        session.Store(record);
        outbox.Enqueue(session, cityId, new SettlementPaid(
            record.Id, cityId, SettlementPosition.Name(payment.Direction), record.Currency, Fen.ToYuan(amount), Fen.ToYuan(payment.Outstanding),
            payment.DueDate, paidOn, payment.DaysLate, payment.Outstanding == 0));
        return LedgerChange.New(posted);
    }
}
