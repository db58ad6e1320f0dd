namespace CompensationFund.Api.Domain.Accounts;

/// <summary>
/// The accounts the fund keeps for each member city, named from the fund's side of the books
/// (domain.md §3.2 and §4.2: contributions, net settlement through the fund, compensation, deposits, penalties).
/// </summary>
public enum LedgerAccountKind
{
    /// <summary>Contributions the city has been called to pay into the common fund and not yet paid.</summary>
    ContributionsReceivable,

    /// <summary>Net settlement amounts the city owes the fund after an allocation.</summary>
    SettlementReceivable,

    /// <summary>Net settlement amounts the fund owes the city after an allocation.</summary>
    SettlementPayable,

    /// <summary>Compensation approved for the city and not yet paid out.</summary>
    CompensationPayable,

    /// <summary>The deposit the city holds with the fund; its size follows the city's trust tier (domain.md §4.3).</summary>
    DepositsHeld,

    /// <summary>Penalties charged to the city and not yet paid.</summary>
    PenaltiesReceivable,
}

public static class LedgerAccountKinds
{
    /// <summary>
    /// The slug in account ids. Spelled out rather than derived from the enum name, so renaming a member
    /// in code never changes an id that journal entries will refer to.
    /// </summary>
    public static string Slug(this LedgerAccountKind kind) => kind switch
    {
        LedgerAccountKind.ContributionsReceivable => "contributions-receivable",
        LedgerAccountKind.SettlementReceivable => "settlement-receivable",
        LedgerAccountKind.SettlementPayable => "settlement-payable",
        LedgerAccountKind.CompensationPayable => "compensation-payable",
        LedgerAccountKind.DepositsHeld => "deposits-held",
        LedgerAccountKind.PenaltiesReceivable => "penalties-receivable",
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
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ledger account kind."),
    };
}
