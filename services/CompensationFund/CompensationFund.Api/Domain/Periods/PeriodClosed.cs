namespace CompensationFund.Api.Domain.Periods;

/// <summary>An account's counters as of a closed period's last day, in fen.</summary>
public sealed record ClosingBalance(string Account, long DebitsPosted, long CreditsPosted, long DebitsPending, long CreditsPending);

/// <summary>
/// A period was closed: nothing may be dated into it any more. Keeps every account's closing balance and the
/// closing entry that moved the period's income and expense into the pool.
/// </summary>
public sealed record PeriodClosed(
    string Period, DateOnly ClosedThrough, Guid? ClosingEntryId, IReadOnlyList<ClosingBalance> Balances, string ClosedBy, DateTimeOffset ClosedAt)
{
    /// <summary>The one stream of the ledger's period closes.</summary>
    public static readonly Guid Stream = new("0b7c8f0e-4a52-4e61-9d38-5a1c7e2f9d10");
}
