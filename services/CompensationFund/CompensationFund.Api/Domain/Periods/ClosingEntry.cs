using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Api.Domain.Periods;

/// <summary>An income or expense account's balance on its normal side at the end of a period, in fen.</summary>
public sealed record NominalBalance(string Account, LedgerAccountKind Kind, long Balance);

/// <summary>
/// The closing entry of a period: every income and expense account is brought to zero against the fund pool, dated
/// the period's last day, so the fund's own results (penalties, interest, bank charges) join the members' money
/// (docs/compensation-fund.md §2, §6). Null when there is nothing to close.
/// </summary>
public static class ClosingEntry
{
    public static EntryDraft? For(AccountingPeriod period, IReadOnlyList<NominalBalance> balances, string closedBy)
    {
        var lines = new List<JournalLine>();
        foreach (var b in balances.Where(b => b.Balance != 0).OrderBy(b => b.Account, StringComparer.Ordinal))
        {
            // Zeroing a balance posts it on the opposite side of the account's normal side.
            var zeroing = b.Kind.NormalSide() == NormalSide.Credit ? LineSide.Debit : LineSide.Credit;
            lines.Add(b.Balance > 0
                ? new JournalLine(b.Account, zeroing, b.Balance)
                : new JournalLine(b.Account, zeroing == LineSide.Debit ? LineSide.Credit : LineSide.Debit, -b.Balance));
        }

        var net = lines.Sum(l => l.Side == LineSide.Debit ? l.Amount : -l.Amount);
        if (net != 0)
        {
            lines.Add(net > 0 ? JournalLine.Credit(FundAccounts.Pool, net) : JournalLine.Debit(FundAccounts.Pool, -net));
        }

        if (lines.Count == 0)
        {
            return null;
        }

        var source = EntrySource.FromRule("period-close", 1, new Dictionary<string, string> { ["period"] = period.ToString() }) with { RequestedBy = closedBy };
        var header = new EntryHeader(EntryKinds.PeriodClose, LedgerAccount.DefaultCurrency, $"Closing income and expense of {period} into the fund pool", source);
        return new EntryDraft(header, period.LastDay, lines);
    }

    public static Guid EntryIdFor(AccountingPeriod period) => EntryIds.ForReference($"period-close:{period}");
}
