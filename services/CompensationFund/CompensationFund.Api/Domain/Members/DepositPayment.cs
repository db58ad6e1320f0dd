using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Api.Domain.Members;

/// <summary>
/// A city's payment into the deposit its trust tier requires (domain.md §4.3, <see cref="DepositRule"/>): Dr the fund's
/// bank, Cr the city's deposits held (docs/compensation-fund.md §7). Money comes in only in the fund's currency and only
/// as a positive amount; a refund goes the other way and stays a manual entry.
/// </summary>
public static class DepositPayment
{
    public static IReadOnlyList<JournalLine> Lines(string cityId, long amount, string currency)
    {
        if (amount <= 0)
        {
            throw new FundRuleException("Not a payment", $"A deposit payment brings money in; {Fen.ToYuan(amount)} does not. A refund is a manual entry.");
        }

        if (!string.Equals(currency, LedgerAccount.DefaultCurrency, StringComparison.Ordinal))
        {
            throw new FundRuleException("Wrong currency", $"The fund keeps its books in {LedgerAccount.DefaultCurrency}; a deposit paid in '{currency}' is not taken.");
        }

        return [JournalLine.Debit(FundAccounts.Bank, amount), JournalLine.Credit(LedgerAccount.IdFor(cityId, LedgerAccountKind.DepositsHeld), amount)];
    }
}
