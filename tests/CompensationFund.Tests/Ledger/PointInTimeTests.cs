using System.Net;
using CompensationFund.Tests.Support;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// A back-dated posting may not break a floor at any later date of an open period: the account's balance as of each
/// later day, with the posting counted, stays above its floor, not only the balance today — on the debit side (the bank)
/// and on the credit side (the pool). The two scenarios touch no common floored account: each needs its account's history
/// to itself, and this class's fund is its own.
/// </summary>
public sealed class PointInTimeTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Theory]
    [InlineData("fund:bank", "fund:bank", "fund:income:interest", "fund:expense:bank-charges", "fund:bank")]
    [InlineData("fund:pool", "fund:expense:bank-charges", "fund:pool", "fund:pool", "fund:income:interest")]
    public async Task ABackDatedPostingThatEmptiedTheAccountOnALaterDayIsRefused(
        string account, string raiseDebit, string raiseCredit, string lowerDebit, string lowerCredit)
    {
        using var finance = fund.Finance();
        var balance = await finance.BalanceAsync(account);
        Task<HttpResponseMessage> Raise(decimal amount, int daysAgo) => PostAsync(finance, raiseDebit, raiseCredit, amount, daysAgo);
        Task<HttpResponseMessage> Lower(decimal amount, int daysAgo) => PostAsync(finance, lowerDebit, lowerCredit, amount, daysAgo);

        await (await Raise(100m, 5)).JsonAsync(HttpStatusCode.Created);
        await (await Lower(balance + 100m, 3)).JsonAsync(HttpStatusCode.Created);
        await (await Raise(100m, 1)).JsonAsync(HttpStatusCode.Created);

        // Today the account holds 100.00, but from day −3 to day −2 it held nothing: 50.00 out on day −2 breaks the floor
        // then; 50.00 in on day −2 lowers nothing, and afterwards 100.00 out on day −1 leaves 50.00 on every day.
        var refused = await (await Lower(50m, 2)).JsonAsync(HttpStatusCode.UnprocessableEntity);
        var raised = await Raise(50m, 2);
        var allowed = await Lower(100m, 1);

        Assert.Contains(account, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(50m, await finance.BalanceAsync(account));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient finance, string debit, string credit, decimal amount, int daysAgo) =>
        finance.PostAsync("/api/fund/entries", Support.Ledger.Transfer(debit, credit, amount, valueDate: Today.AddDays(-daysAgo)));
}
