using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace CompensationFund.Api.Features.Accounts;

/// <summary>
/// A member's accounts in the fund. A city reads only its own: another city's id is answered exactly like
/// an unknown one (404), so the response does not even tell whether that city is a member (architecture.md §5).
/// </summary>
public static class ListMemberAccounts
{
    public static async Task<IResult> HandleAsync(
        string cityId, IQuerySession session, BalanceReader balances, HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.User.MayReadCity(cityId) || await session.LoadAsync<FundMember>(cityId, cancellationToken) is null)
        {
            return Problems.NotFound($"No member city '{cityId}'.");
        }

        var accounts = await session.Query<LedgerAccount>()
            .Where(a => a.OwnerCityId == cityId)
            .ToListAsync(cancellationToken);
        var live = await balances.LiveAsync([.. accounts.Select(a => a.Id)], cancellationToken);
        var ordered = accounts.OrderBy(a => a.Kind).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => AccountResponse.From(a, live.GetValueOrDefault(a.Id))).ToList();
        return Results.Ok(new MemberAccountsResponse(cityId, ordered));
    }
}
