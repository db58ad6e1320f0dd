using System.Globalization;
using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts;
using Platform.Contracts.Fund;
using Platform.Messaging.Outbox;

namespace CompensationFund.Api.Features.Payments;

/// <summary>A payment as received: from whom, how much (fen), when, the bank's reference and the obligation it names, if any.</summary>
public sealed record ReceivedPayment(string CityId, long Amount, DateOnly ReceivedOn, string? BankReference, string? ObligationCode, EntrySource Source);

/// <summary>
/// Applies money a city paid to what it owes (named obligation first, then oldest due first; the rest is unapplied) and
/// queues the entry, the obligations' new state and a <see cref="PaymentReceived"/> per obligation paid. A payment dated
/// on or before days already charged a late penalty also queues the credit of what those days were over-charged
/// (<see cref="PenaltyCredit"/>). The caller records the returned changes and commits, so a bank statement posts all its
/// lines in one transaction.
/// </summary>
public sealed class PaymentRecorder(FundLedger ledger, EventOutbox outbox)
{
    public static long Credited(IEnumerable<LedgerChange> credits) =>
        credits.Select(c => c.Event).OfType<EntryPosted>().Sum(e => e.Lines.Where(l => l.Side == LineSide.Debit).Sum(l => l.Amount));

    public async Task<(PaymentApplicationResult Result, LedgerChange Change, IReadOnlyList<LedgerChange> Credits)> RecordAsync(
        IDocumentSession session, ObligationBook book, ReceivedPayment payment, CancellationToken cancellationToken)
    {
        var open = await book.OpenAsync(payment.CityId, cancellationToken);
        var named = payment.ObligationCode is { } code ? open.FirstOrDefault(o => o.Code == code)?.Id : null;
        var result = PaymentApplication.Apply(payment.Amount, open, named);
        var entryId = payment.BankReference is { } reference ? EntryIds.ForReference("bank:" + reference) : EntryIds.New();
        var description = $"Payment by {payment.CityId}: " + (result.Applications.Count == 0
            ? "nothing owed, held as unapplied receipt"
            : string.Join(", ", result.Applications.Select(a => $"{a.Obligation.Code} {Fen.ToYuan(a.Amount)}")) + (result.Excess > 0 ? $", {Fen.ToYuan(result.Excess)} unapplied" : string.Empty));
        var header = new EntryHeader(EntryKinds.PaymentReceived, Currencies.Cny, description, payment.Source, payment.BankReference);
        var draft = await ledger.ValidateAsync(new EntryDraft(header, payment.ReceivedOn, ContributionPosting.Receipt(payment.CityId, result)), cancellationToken);
        var posted = draft.Post(entryId, ledger.Now);
        var credits = new List<LedgerChange>();
        foreach (var application in result.Applications)
        {
            application.Obligation.Apply(application.Amount, payment.ReceivedOn, entryId);
            book.Store(application.Obligation);
            var o = application.Obligation;
            outbox.Enqueue(session, payment.CityId, new PaymentReceived(
                entryId, payment.CityId, ObligationKinds.Name(o.Kind), o.Id, Currencies.Cny, Fen.ToYuan(payment.Amount), Fen.ToYuan(application.Amount), Fen.ToYuan(result.Excess),
                payment.ReceivedOn, o.DueDate, Math.Max(0, payment.ReceivedOn.DayNumber - o.DueDate.DayNumber), o.Outstanding == 0, ledger.Now));
        }

        // After every application, so a penalty this payment also paid is seen paid (its over-charge is then owed back).
        foreach (var o in result.Applications.Select(a => a.Obligation).Where(o => o.PenaltyAssessedThrough is { } through && payment.ReceivedOn <= through).Distinct())
        {
            if (await CreditAsync(book, o, entryId, cancellationToken) is { } credit)
            {
                credits.Add(credit);
            }
        }

        if (result.Applications.Count == 0)
        {
            outbox.Enqueue(session, payment.CityId, new PaymentReceived(
                entryId, payment.CityId, PaymentPurposes.Unapplied, null, Currencies.Cny, Fen.ToYuan(payment.Amount), 0m, Fen.ToYuan(result.Excess), payment.ReceivedOn, null, 0, false, ledger.Now));
        }

        return (result, LedgerChange.New(posted), credits);
    }

    /// <summary>
    /// The credit of a contribution's over-charged penalty days, dated today (the day the fund learns of it: the penalty
    /// days stay charged in the books until then, which is what the fund knew).
    /// </summary>
    private async Task<LedgerChange?> CreditAsync(ObligationBook book, Obligation contribution, Guid paymentEntryId, CancellationToken cancellationToken)
    {
        var amount = PenaltyCredit.Overcharged(contribution);
        if (amount == 0)
        {
            return null;
        }

        var plan = PenaltyCredit.Plan(contribution.CityId, amount, await book.PenaltiesOnAsync(contribution, cancellationToken));
        contribution.PenaltyCredited += amount;
        foreach (var (penalty, waived) in plan.WrittenOff)
        {
            penalty.PenaltyCredited += waived;
            book.Store(penalty);
        }

        var inputs = new Dictionary<string, string>
        {
            ["obligation"] = contribution.Code,
            ["payment"] = paymentEntryId.ToString(),
            ["charged"] = Fen.ToYuan(contribution.Assessments.Sum(a => a.Amount)).ToString(CultureInfo.InvariantCulture),
            ["credited"] = Fen.ToYuan(amount).ToString(CultureInfo.InvariantCulture),
            ["refundedAsUnapplied"] = Fen.ToYuan(plan.Refunded).ToString(CultureInfo.InvariantCulture),
        };
        var source = EntrySource.FromRule(LatePenaltyRule.Name, LatePenaltyRule.Version, inputs);
        var header = new EntryHeader(EntryKinds.PenaltyCredit, Currencies.Cny, $"Late-payment penalty on {contribution.Code} recomputed after a back-dated payment: {Fen.ToYuan(amount)} credited", source);
        var draft = await ledger.ValidateAsync(new EntryDraft(header, ledger.Today, plan.Lines), cancellationToken);
        return LedgerChange.New(draft.Post(EntryIds.ForReference($"penalty-credit:{contribution.Id}:{paymentEntryId}"), ledger.Now));
    }
}
