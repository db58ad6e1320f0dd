namespace CompensationFund.Api.Domain.Accounts;

/// <summary>
/// The side on which an account's balance grows: assets and expenses are debit-normal (balance = debits −
/// credits), liabilities, net assets and income credit-normal (balance = credits − debits).
/// </summary>
public enum NormalSide
{
    Debit,
    Credit,
}
