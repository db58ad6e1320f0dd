namespace CompensationFund.Api.Domain.Accounts;

/// <summary>
/// Bounds on an account's balance on its normal side, in fen: the fund pool's floor of zero ("the pool never
/// below zero"), a city's ceiling on what it may be owed at once. Null means unbounded.
/// </summary>
/// <remarks>
/// Implementation note: pending amounts count against the limit in the direction that could break it, so a
/// reservation can never be posted into a breach (TigerBeetle's <c>debits_must_not_exceed_credits</c> counts
/// <c>debits_pending</c> the same way). The database enforces the same rule on the row it holds locked
/// (<c>fund_within_limits</c>); a test holds the two to agreement.
/// </remarks>
public sealed record AccountLimit(long? Floor, long? Ceiling)
{
    public static readonly AccountLimit None = new(null, null);

    public static readonly AccountLimit NeverBelowZero = new(0, null);

    public bool IsConsistent => Floor is null || Ceiling is null || Floor <= Ceiling;

    public bool Admits(AccountBalance balance, NormalSide side) =>
        (Floor is not { } floor || balance.Lowest(side) >= floor) &&
        (Ceiling is not { } ceiling || balance.Highest(side) <= ceiling);

    /// <summary>
    /// Whether <paramref name="next"/> lowers or removes this floor, or raises or removes this ceiling: a change that lets
    /// the balance go where it could not before.
    /// </summary>
    public bool IsLiftedBy(AccountLimit next) =>
        (Floor is { } floor && (next.Floor is null || next.Floor < floor)) || (Ceiling is { } ceiling && (next.Ceiling is null || next.Ceiling > ceiling));
}
