using CompensationFund.Api.Domain.Banking;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Domain.Settlement;
using CompensationFund.Api.Features.Payments;
using CompensationFund.Api.Features.Settlements;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;

namespace CompensationFund.Api.Features.Banking;

/// <summary>What posting one bank line did: its status, the city and entry, a sentence for finance, the change to record.</summary>
public sealed record BankLineOutcome(BankLineStatus Status, string? CityId, Guid? EntryId, string Detail, IReadOnlyList<LedgerChange>? Changes = null);

/// <summary>
/// Posts an incoming bank line to the receivable it pays — a settlement pay-in or the city's obligations — for the import
/// and for a hand match alike. The entry id is named by the bank reference, the same id <c>/payments</c>, settlement
/// payments and <c>/payouts</c> give a transfer, so one transaction is posted once whichever way it arrives.
/// </summary>
public sealed class BankLinePoster(PaymentRecorder recorder, SettlementPayments settlements)
{
    public static Guid EntryIdFor(string bankReference) => EntryIds.ForReference("bank:" + bankReference);

    /// <summary>What an entry already posted under the line's reference means for the line: matched when it records the same money.</summary>
    public static BankLineOutcome AlreadyPosted(BankLineRecord line, JournalEntry entry) => BankMatch.Records(entry, line.Amount)
        ? new(BankLineStatus.Matched, CityOf(entry) ?? line.CityId, entry.Id, $"already posted by {entry.Header.Kind} entry {entry.Id}")
        : new(BankLineStatus.Conflicting, line.CityId, entry.Id, $"bank reference already posted by {entry.Header.Kind} entry {entry.Id} with another amount; nothing posted");

    private static string? CityOf(JournalEntry entry) =>
        entry.Lines.Select(l => l.Account.Split(':')).FirstOrDefault(parts => parts.Length == 3 && parts[0] == "city")?[1];

    /// <summary>Posts the line; a settlement that refuses it throws <see cref="FundRuleException"/> (the import lists it instead).</summary>
    public async Task<BankLineOutcome> PostAsync(
        IDocumentSession session, ObligationBook book, Dictionary<Guid, AllocationSettlement> loaded, BankLineRecord line, BankLineTarget target,
        DateOnly valueDate, EntrySource source, CancellationToken cancellationToken)
    {
        if (target.SettlementAllocationId is { } allocation)
        {
            var change = await settlements.PayAsync(
                session, loaded, allocation, target.CityId, line.Amount, valueDate, line.BankReference, source, SettlementDirection.PayIn, cancellationToken);
            return new(BankLineStatus.Matched, target.CityId, change.Stream, $"settlement pay-in of allocation {allocation}", [change]);
        }

        var (applied, posted, credits) = await recorder.RecordAsync(
            session, book, new ReceivedPayment(target.CityId, line.Amount, valueDate, line.BankReference, target.ObligationCode, source), cancellationToken);
        var status = applied.Outcome switch { "full" => BankLineStatus.Matched, "partial" => BankLineStatus.Partial, _ => BankLineStatus.Over };
        var detail = string.Join(", ", applied.Applications.Select(a => $"{a.Obligation.Code} {Fen.ToYuan(a.Amount)}"))
            + (applied.Excess > 0 ? $"; {Fen.ToYuan(applied.Excess)} unapplied" : string.Empty);
        var credited = PaymentRecorder.Credited(credits);
        detail += credited > 0 ? $"; late penalty recomputed, {Fen.ToYuan(credited)} credited" : string.Empty;
        return new(status, target.CityId, posted.Stream, detail.TrimStart(';', ' '), [posted, .. credits]);
    }

    public static EntrySource SourceOf(EntrySource caller, BankLineRecord line) => caller with
    {
        Inputs = new Dictionary<string, string> { ["bankReference"] = line.BankReference, ["bankLine"] = $"{line.LineNumber}", ["bankDate"] = $"{line.Date:yyyy-MM-dd}" },
    };

    /// <summary>Moves the line's record to the outcome's state.</summary>
    public static void Apply(BankLineRecord line, BankLineOutcome outcome)
    {
        line.State = BankLineRecord.StateOf(outcome.Status);
        (line.CityId, line.EntryId, line.Detail) = (outcome.CityId ?? line.CityId, outcome.EntryId, outcome.Detail);
    }
}
