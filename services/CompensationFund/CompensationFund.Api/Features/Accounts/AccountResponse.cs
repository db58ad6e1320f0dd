using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;

namespace CompensationFund.Api.Features.Accounts;

/// <summary>
/// One account with its balance on its normal side and what reservations hold: <c>available</c> is what a floor
/// is checked against. Money is a decimal with its currency, never a float (architecture.md §5).
/// </summary>
public sealed record AccountResponse(
    string Id,
    string Kind,
    string Name,
    string Currency,
    string NormalSide,
    decimal Balance,
    decimal PendingDebits,
    decimal PendingCredits,
    decimal Available,
    decimal? Floor,
    decimal? Ceiling,
    string? Purpose,
    DateTimeOffset OpenedAt)
{
    public static AccountResponse From(LedgerAccount a, LiveBalance? live)
    {
        var balance = live?.Balance ?? AccountBalance.Zero;
        return new(
            a.Id,
            a.Kind.Slug(),
            a.Name,
            a.Currency,
            SideNames.Of(a.NormalSide),
            Fen.ToYuan(balance.Posted(a.NormalSide)),
            Fen.ToYuan(balance.DebitsPending),
            Fen.ToYuan(balance.CreditsPending),
            Fen.ToYuan(balance.Lowest(a.NormalSide)),
            live?.Limit.Floor is { } floor ? Fen.ToYuan(floor) : null,
            live?.Limit.Ceiling is { } ceiling ? Fen.ToYuan(ceiling) : null,
            a.Purpose,
            a.OpenedAt);
    }
}

/// <summary>A member's accounts: a fixed, short set per city (<see cref="MemberAccounts.Kinds"/>), so not paged.</summary>
public sealed record MemberAccountsResponse(string CityId, IReadOnlyList<AccountResponse> Accounts);
