namespace CompensationFund.Api.Domain.Accounts;

/// <summary>The fund's own accounts (docs/compensation-fund.md §2), opened when the service starts.</summary>
public static class FundAccounts
{
    public const string Bank = "fund:bank";
    public const string Pool = "fund:pool";
    public const string ThirdPartyPool = "fund:third-party";
    public const string Clearing = "fund:clearing";
    public const string ContributionsCalled = "fund:contributions-called";
    public const string PenaltiesCharged = "fund:penalties-charged";
    public const string UnappliedReceipts = "fund:unapplied-receipts";
    public const string PenaltyIncome = "fund:income:penalties";
    public const string InterestIncome = "fund:income:interest";
    public const string BankCharges = "fund:expense:bank-charges";

    public static readonly IReadOnlyList<(string Id, LedgerAccountKind Kind, string Name)> Chart =
    [
        (Bank, LedgerAccountKind.Bank, "Bank account"),
        (Pool, LedgerAccountKind.Pool, "Fund pool (members' co-funding)"),
        (ThirdPartyPool, LedgerAccountKind.ThirdPartyPool, "Third-party incentive pool (unearmarked)"),
        (Clearing, LedgerAccountKind.Clearing, "Settlement clearing"),
        (ContributionsCalled, LedgerAccountKind.ContributionsCalled, "Contributions called, not yet received"),
        (PenaltiesCharged, LedgerAccountKind.PenaltiesCharged, "Penalties and clawbacks charged, not yet received"),
        (UnappliedReceipts, LedgerAccountKind.UnappliedReceipts, "Unapplied receipts (over-payments)"),
        (PenaltyIncome, LedgerAccountKind.Income, "Penalty income"),
        (InterestIncome, LedgerAccountKind.Income, "Bank interest income"),
        (BankCharges, LedgerAccountKind.Expense, "Bank charges"),
    ];

    /// <summary>The earmarked sub-account of one third-party deposit.</summary>
    public static string Earmark(Guid depositId) => $"{ThirdPartyPool}:{depositId:N}";

    public static IEnumerable<LedgerAccount> Open(DateTimeOffset openedAt) =>
        Chart.Select(a => LedgerAccount.OpenFundAccount(a.Id, a.Kind, a.Name, openedAt));
}
