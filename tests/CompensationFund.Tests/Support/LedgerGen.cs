using CompensationFund.Api.Domain.Ledger;
using CsCheck;

namespace CompensationFund.Tests.Support;

/// <summary>Generators of balanced entries over a handful of accounts.</summary>
public static class LedgerGen
{
    public static readonly string[] Accounts = ["fund:pool", "fund:bank", "city:a:compensation-payable", "city:b:compensation-payable", "fund:clearing"];

    public static EntryHeader Header() => new(EntryKinds.Manual, "CNY", "generated", EntrySource.Request("test", null));

    /// <summary>A balanced entry: debit amounts on some accounts, the same total split over credits on others.</summary>
    public static Gen<EntryDraft> Draft(DateOnly valueDate) =>
        Gen.Select(Gen.Long[1, 1_000_000].Array[1, 4], Gen.Int[1, 3], Gen.Int[0, Accounts.Length - 1], (debits, credits, offset) =>
        {
            var total = debits.Sum();
            var lines = debits.Select((a, i) => JournalLine.Debit(Accounts[(offset + i) % Accounts.Length], a)).ToList();
            var creditAccounts = Enumerable.Range(0, credits).Select(i => Accounts[(offset + debits.Length + i) % Accounts.Length]).ToList();
            var share = total / credits;
            lines.AddRange(creditAccounts.Select((a, i) => JournalLine.Credit(a, i == credits - 1 ? total - (share * (credits - 1)) : share)));
            return new EntryDraft(Header(), valueDate, lines.Where(l => l.Amount > 0).ToList());
        }).Where(d => d.Lines.Select(l => l.Account).Distinct().Count() >= 2 && d.Lines.Count >= 2);
}
