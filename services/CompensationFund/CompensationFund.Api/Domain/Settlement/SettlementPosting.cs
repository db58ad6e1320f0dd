using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Api.Domain.Settlement;

/// <summary>
/// The posting rule of a settlement (domain.md §4.2: "settlement runs through the fund's clearing account, so a city pays
/// or receives one net amount"). A city's outstanding position is carried by its settlement receivable when it owes and
/// by its settlement payable when it is owed; every change of position goes against the clearing account. What comes in
/// equals what goes out, so the clearing account nets to zero on every allocation and every correction.
/// </summary>
/// <remarks>
/// Implementation note: the same rule posts a finalization (every position was zero) and a correction (only the
/// differences, AllocationSuperseded): the lines move each city's accounts from its outstanding position to the new one,
/// so a correction that turns an amount owed into an amount due releases the payable and raises the receivable in one
/// entry, and the city still sees one net amount.
/// </remarks>
public static class SettlementPosting
{
    /// <summary>Sums the instructions per city; refused when what is collected differs from what is paid out.</summary>
    public static IReadOnlyDictionary<string, long> Differences(IEnumerable<SettlementInstructionLine> instructions)
    {
        var byCity = instructions.GroupBy(i => i.CityId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(i => i.SignedAmount), StringComparer.Ordinal);
        var net = byCity.Values.Sum();
        if (net != 0)
        {
            var payIn = byCity.Values.Where(v => v > 0).Sum();
            throw new FundRuleException(
                "Settlement does not balance",
                $"The instructions collect {Money.Fen.ToYuan(payIn)} and pay out {Money.Fen.ToYuan(payIn - net)}; through the clearing account they must be equal.");
        }

        return byCity;
    }

    /// <summary>The lines that move each city from its outstanding position (absent: zero) by its difference.</summary>
    public static IReadOnlyList<JournalLine> Lines(IReadOnlyDictionary<string, long> outstanding, IReadOnlyDictionary<string, long> differences)
    {
        var lines = new List<JournalLine>();
        foreach (var (city, difference) in differences.Where(d => d.Value != 0).OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var before = outstanding.GetValueOrDefault(city);
            var after = before + difference;
            var receivable = LedgerAccount.IdFor(city, LedgerAccountKind.SettlementReceivable);
            var payable = LedgerAccount.IdFor(city, LedgerAccountKind.SettlementPayable);
            Add(lines, receivable, Math.Max(after, 0) - Math.Max(before, 0), increaseSide: LineSide.Debit);
            Add(lines, payable, Math.Max(-after, 0) - Math.Max(-before, 0), increaseSide: LineSide.Credit);
            Add(lines, FundAccounts.Clearing, difference, increaseSide: LineSide.Credit);
        }

        return lines;
    }

    /// <summary>The cash leg of a settlement payment: money in from a city that owes, or out to a city that is owed.</summary>
    public static IReadOnlyList<JournalLine> PaymentLines(string cityId, SettlementDirection direction, long amount) => direction == SettlementDirection.PayIn
        ? [JournalLine.Debit(FundAccounts.Bank, amount), JournalLine.Credit(LedgerAccount.IdFor(cityId, LedgerAccountKind.SettlementReceivable), amount)]
        : [JournalLine.Debit(LedgerAccount.IdFor(cityId, LedgerAccountKind.SettlementPayable), amount), JournalLine.Credit(FundAccounts.Bank, amount)];

    private static void Add(List<JournalLine> lines, string account, long change, LineSide increaseSide)
    {
        if (change != 0)
        {
            var side = change > 0 ? increaseSide : (increaseSide == LineSide.Debit ? LineSide.Credit : LineSide.Debit);
            lines.Add(new JournalLine(account, side, Math.Abs(change)));
        }
    }
}
