using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;

namespace CompensationFund.Api.Features.Accounts;

/// <summary>
/// The chart of accounts with live balances, paged. A city sees the fund's own accounts (the aggregate figures the
/// alliance publishes) and its own, never another city's.
/// </summary>
public static class ListAccounts
{
    public static async Task<IResult> HandleAsync(
        IQuerySession session, BalanceReader balances, HttpContext http, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize);
        var query = session.Query<LedgerAccount>().AsQueryable();
        if (http.User.IsCity())
        {
            var own = http.User.CityId();
            query = query.Where(a => a.OwnerCityId == null || a.OwnerCityId == own);
        }

        var total = await query.CountAsync(cancellationToken);
        var accounts = await query.OrderBy(a => a.Id).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        var live = await balances.LiveAsync([.. accounts.Select(a => a.Id)], cancellationToken);
        var items = accounts.Select(a => AccountResponse.From(a, live.GetValueOrDefault(a.Id))).ToList();
        return Results.Ok(new Page<AccountResponse>(items, request.Number, request.Size, total));
    }
}
