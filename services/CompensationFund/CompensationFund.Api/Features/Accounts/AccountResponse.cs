using CompensationFund.Api.Domain.Accounts;

namespace CompensationFund.Api.Features.Accounts;

/// <summary>One account; the balance is a decimal with its currency, never a float (architecture.md §5).</summary>
public sealed record AccountResponse(string Id, string Kind, string Name, string Currency, decimal Balance, DateTimeOffset OpenedAt)
{
    public static AccountResponse From(LedgerAccount a) => new(a.Id, a.Kind.Slug(), a.Name, a.Currency, a.Balance, a.OpenedAt);
}

/// <summary>A member's accounts: a fixed, short set per city (<see cref="MemberAccounts.Kinds"/>), so not paged.</summary>
public sealed record MemberAccountsResponse(string CityId, IReadOnlyList<AccountResponse> Accounts);
