using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace CompensationFund.Api.Features.Accounts;

/// <summary>An account's balance as of a value date and, optionally, as recorded by a past moment.</summary>
public sealed record BalanceAsOfResponse(
    string Account, string Currency, DateOnly AsOf, DateTimeOffset? RecordedBy, decimal Balance, decimal PendingDebits, decimal PendingCredits);

/// <summary>
/// One account now, or at any past moment: <c>asOf</c> sums every movement valued on or before that date (what the
/// books say about that day today); adding <c>recordedBy</c> keeps only what had been recorded by then (what the books
/// said at that moment). A city reads only the fund's accounts and its own.
/// </summary>
public static class GetAccount
{
    public static async Task<IResult> HandleAsync(
        string accountId, DateOnly? asOf, DateTimeOffset? recordedBy, IQuerySession session, BalanceReader balances, MovementHistory history, Domain.Periods.LedgerCalendar calendar,
        HttpContext http, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<LedgerAccount>(accountId, cancellationToken);
        if (account is null || (account.OwnerCityId is { } owner && !http.User.MayReadCity(owner)))
        {
            return Problems.NotFound($"No account '{accountId}'.");
        }

        if (asOf is null && recordedBy is null)
        {
            var live = await balances.LiveAsync([accountId], cancellationToken);
            return Results.Ok(AccountResponse.From(account, live.GetValueOrDefault(accountId)));
        }

        var date = asOf ?? calendar.DateOf(recordedBy!.Value);
        var balance = (await history.SumsThroughAsync([accountId], date, cancellationToken, recordedBy)).GetValueOrDefault(accountId, AccountBalance.Zero);
        return Results.Ok(new BalanceAsOfResponse(
            accountId, account.Currency, date, recordedBy, Fen.ToYuan(balance.Posted(account.NormalSide)),
            Fen.ToYuan(balance.DebitsPending), Fen.ToYuan(balance.CreditsPending)));
    }
}
