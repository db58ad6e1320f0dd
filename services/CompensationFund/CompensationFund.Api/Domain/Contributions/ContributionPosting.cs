using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Api.Domain.Contributions;

/// <summary>
/// The posting rules of contributions (docs/compensation-fund.md §7). A call is an obligation, not money: each city's
/// receivable against contributions called. Money reaches the pool when it is received, so the pool stays cash-backed;
/// a received penalty is the fund's income; an over-payment waits in unapplied receipts.
/// </summary>
public static class ContributionPosting
{
    public static IReadOnlyList<JournalLine> Call(IReadOnlyDictionary<string, long> shares) =>
    [
        .. shares.Where(s => s.Value > 0).OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => JournalLine.Debit(LedgerAccount.IdFor(s.Key, LedgerAccountKind.ContributionsReceivable), s.Value)),
        JournalLine.Credit(FundAccounts.ContributionsCalled, shares.Values.Sum()),
    ];

    public static IReadOnlyList<JournalLine> Receipt(string cityId, PaymentApplicationResult result)
    {
        var total = result.Applications.Sum(a => a.Amount) + result.Excess;
        var lines = new List<JournalLine> { JournalLine.Debit(FundAccounts.Bank, total) };
        foreach (var group in result.Applications.GroupBy(a => a.Obligation.Kind))
        {
            var amount = group.Sum(a => a.Amount);
            lines.AddRange(group.Key switch
            {
                ObligationKind.Contribution =>
                [
                    JournalLine.Credit(FundAccounts.Pool, amount),
                    JournalLine.Debit(FundAccounts.ContributionsCalled, amount),
                    JournalLine.Credit(LedgerAccount.IdFor(cityId, LedgerAccountKind.ContributionsReceivable), amount),
                ],
                ObligationKind.Penalty =>
                [
                    JournalLine.Credit(FundAccounts.PenaltyIncome, amount),
                    JournalLine.Debit(FundAccounts.PenaltiesCharged, amount),
                    JournalLine.Credit(LedgerAccount.IdFor(cityId, LedgerAccountKind.PenaltiesReceivable), amount),
                ],
                _ =>
                [
                    JournalLine.Credit(FundAccounts.Pool, amount),
                    JournalLine.Debit(FundAccounts.PenaltiesCharged, amount),
                    JournalLine.Credit(LedgerAccount.IdFor(cityId, LedgerAccountKind.PenaltiesReceivable), amount),
                ],
            });
        }

        if (result.Excess > 0)
        {
            lines.Add(JournalLine.Credit(FundAccounts.UnappliedReceipts, result.Excess));
        }

        return lines;
    }

    /// <summary>A penalty or clawback charged: the city's receivable against penalties charged.</summary>
    public static IReadOnlyList<JournalLine> Charge(string cityId, long amount) =>
        [JournalLine.Debit(LedgerAccount.IdFor(cityId, LedgerAccountKind.PenaltiesReceivable), amount), JournalLine.Credit(FundAccounts.PenaltiesCharged, amount)];
}
