using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Api.Domain.Compensation;

/// <summary>
/// The posting rules of compensation and incentives (docs/compensation-fund.md §7): approval reserves the pool's money
/// for the city (two-phase), disbursement posts it and pays it out of the bank; rewards draw on the third-party
/// incentive pool; an earmarked deposit is released only to its purpose.
/// </summary>
public static class CompensationPosting
{
    public static IReadOnlyList<JournalLine> Reserve(string cityId, long amount, string fromAccount = FundAccounts.Pool) =>
        [JournalLine.Debit(fromAccount, amount), JournalLine.Credit(LedgerAccount.IdFor(cityId, LedgerAccountKind.CompensationPayable), amount)];

    public static IReadOnlyList<JournalLine> PayOut(string cityId, long amount) =>
        [JournalLine.Debit(LedgerAccount.IdFor(cityId, LedgerAccountKind.CompensationPayable), amount), JournalLine.Credit(FundAccounts.Bank, amount)];
}
