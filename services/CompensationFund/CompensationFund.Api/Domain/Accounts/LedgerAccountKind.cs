namespace CompensationFund.Api.Domain.Accounts;

/// <summary>
/// What an account is for, named from the fund's side of the books (docs/compensation-fund.md §2). The first
/// six are every member city's own; the rest are the fund's.
/// </summary>
public enum LedgerAccountKind
{
    /// <summary>Contributions the city has been called to pay into the common fund and not yet paid.</summary>
    ContributionsReceivable,

    /// <summary>Net settlement amounts the city owes the fund after an allocation.</summary>
    SettlementReceivable,

    /// <summary>Net settlement amounts the fund owes the city after an allocation.</summary>
    SettlementPayable,

    /// <summary>Compensation and rewards approved for the city and not yet paid out.</summary>
    CompensationPayable,

    /// <summary>The deposit the city holds with the fund; its size follows the city's trust tier (domain.md §4.3).</summary>
    DepositsHeld,

    /// <summary>Penalties and clawbacks charged to the city and not yet paid.</summary>
    PenaltiesReceivable,

    /// <summary>The fund's bank account: what the bank statement shows.</summary>
    Bank,

    /// <summary>Members' co-funding available for compensation (区域间共补).</summary>
    Pool,

    /// <summary>Third-party incentive money without an earmark (第三方激励).</summary>
    ThirdPartyPool,

    /// <summary>One third-party deposit, released only for its purpose.</summary>
    Earmarked,

    /// <summary>Settlement clearing: every city settles against it, never with another city.</summary>
    Clearing,

    /// <summary>Counterpart of contributions receivable: called, not yet money.</summary>
    ContributionsCalled,

    /// <summary>Counterpart of penalties receivable: charged, not yet money.</summary>
    PenaltiesCharged,

    /// <summary>Over-payments awaiting refund or application.</summary>
    UnappliedReceipts,

    Income,

    Expense,
}

public static class LedgerAccountKinds
{
    /// <summary>
    /// The slug in account ids. Spelled out rather than derived from the enum name, so renaming a member
    /// in code never changes an id that journal entries refer to.
    /// </summary>
    public static string Slug(this LedgerAccountKind kind) => kind switch
    {
        LedgerAccountKind.ContributionsReceivable => "contributions-receivable",
        LedgerAccountKind.SettlementReceivable => "settlement-receivable",
        LedgerAccountKind.SettlementPayable => "settlement-payable",
        LedgerAccountKind.CompensationPayable => "compensation-payable",
        LedgerAccountKind.DepositsHeld => "deposits-held",
        LedgerAccountKind.PenaltiesReceivable => "penalties-receivable",
        LedgerAccountKind.Bank => "bank",
        LedgerAccountKind.Pool => "pool",
        LedgerAccountKind.ThirdPartyPool => "third-party-pool",
        LedgerAccountKind.Earmarked => "earmarked",
        LedgerAccountKind.Clearing => "clearing",
        LedgerAccountKind.ContributionsCalled => "contributions-called",
        LedgerAccountKind.PenaltiesCharged => "penalties-charged",
        LedgerAccountKind.UnappliedReceipts => "unapplied-receipts",
        LedgerAccountKind.Income => "income",
        LedgerAccountKind.Expense => "expense",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ledger account kind."),
    };

    public static string DisplayName(this LedgerAccountKind kind) => kind switch
    {
        LedgerAccountKind.ContributionsReceivable => "Contributions receivable",
        LedgerAccountKind.SettlementReceivable => "Settlement receivable",
        LedgerAccountKind.SettlementPayable => "Settlement payable",
        LedgerAccountKind.CompensationPayable => "Compensation payable",
        LedgerAccountKind.DepositsHeld => "Deposits held",
        LedgerAccountKind.PenaltiesReceivable => "Penalties receivable",
        _ => kind.Slug(),
    };

    /// <summary>
    /// Whether finance may post to the account by hand (the generic <c>/entries</c> and <c>/reservations</c>). The
    /// accounts that carry a domain rule — what a city owes or is owed, clearing, the counterparts of receivables, an
    /// earmark — change only through their own operations, which enforce the rule (the allocation's instructions, the
    /// approval quorum, the earmark's purpose): separation of duties.
    /// </summary>
    public static bool TakesManualEntries(this LedgerAccountKind kind) => kind is LedgerAccountKind.Bank or LedgerAccountKind.Pool
        or LedgerAccountKind.ThirdPartyPool or LedgerAccountKind.UnappliedReceipts or LedgerAccountKind.Income or LedgerAccountKind.Expense
        or LedgerAccountKind.DepositsHeld;

    /// <summary>
    /// The floors that protect the fund's own money — the bank (no overdraft), the pools and the earmarks (no promise
    /// without money) — are lifted only by the agreement's quorum, never by one person.
    /// </summary>
    public static bool GuardsTheFundsMoney(this LedgerAccountKind kind) =>
        kind is LedgerAccountKind.Bank or LedgerAccountKind.Pool or LedgerAccountKind.ThirdPartyPool or LedgerAccountKind.Earmarked;

    /// <summary>Assets and expenses grow on the debit side; everything the fund owes or holds for others on the credit side.</summary>
    public static NormalSide NormalSide(this LedgerAccountKind kind) => kind switch
    {
        LedgerAccountKind.ContributionsReceivable or LedgerAccountKind.SettlementReceivable or LedgerAccountKind.PenaltiesReceivable
            or LedgerAccountKind.Bank or LedgerAccountKind.Expense => Accounts.NormalSide.Debit,
        _ => Accounts.NormalSide.Credit,
    };

    /// <summary>
    /// Money the fund holds may not go below zero: the bank (no overdraft), the pools and earmarks (no promise
    /// without money), unapplied receipts (no refund of more than was over-paid); nor may what it owes a city (no city is
    /// paid more than it is owed, no deposit refunded beyond what is held). Other limits are set by finance.
    /// </summary>
    public static AccountLimit DefaultLimit(this LedgerAccountKind kind) => kind switch
    {
        LedgerAccountKind.Bank or LedgerAccountKind.Pool or LedgerAccountKind.ThirdPartyPool
            or LedgerAccountKind.Earmarked or LedgerAccountKind.UnappliedReceipts
            or LedgerAccountKind.CompensationPayable or LedgerAccountKind.SettlementPayable or LedgerAccountKind.DepositsHeld => AccountLimit.NeverBelowZero,
        _ => AccountLimit.None,
    };
}
