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

    [Fact]
    public async Task ABackDatedWithdrawalThatEmptiedTheBankOnALaterDayIsRefused()
    {
        using var finance = fund.Finance();
        var bank = await finance.BalanceAsync("fund:bank");

        await (await PostAsync(finance, "fund:bank", "fund:income:interest", 100m, 5)).JsonAsync(HttpStatusCode.Created);
        await (await PostAsync(finance, "fund:expense:bank-charges", "fund:bank", bank + 100m, 3)).JsonAsync(HttpStatusCode.Created);
        await (await PostAsync(finance, "fund:bank", "fund:income:interest", 100m, 1)).JsonAsync(HttpStatusCode.Created);

        // Today the bank holds 100.00, but from day −3 to day −2 it held nothing: 50.00 out on day −2 breaks the floor then.
        var refused = await (await PostAsync(finance, "fund:expense:bank-charges", "fund:bank", 50m, 2)).JsonAsync(HttpStatusCode.UnprocessableEntity);
        var allowed = await PostAsync(finance, "fund:expense:bank-charges", "fund:bank", 50m, 1);

        Assert.Contains("fund:bank", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(50m, await finance.BalanceAsync("fund:bank"));
    }

    [Fact]
    public async Task ABackDatedDebitThatEmptiedThePoolOnALaterDayIsRefused()
    {
        using var finance = fund.Finance();
        var pool = await finance.BalanceAsync("fund:pool");

        await (await PostAsync(finance, "fund:expense:bank-charges", "fund:pool", 100m, 5)).JsonAsync(HttpStatusCode.Created);
        await (await PostAsync(finance, "fund:pool", "fund:income:interest", pool + 100m, 3)).JsonAsync(HttpStatusCode.Created);
        await (await PostAsync(finance, "fund:expense:bank-charges", "fund:pool", 100m, 1)).JsonAsync(HttpStatusCode.Created);

        // Today the pool holds 100.00, but from day −3 to day −2 it held nothing: 50.00 out on day −2 breaks the floor then;
        // 50.00 in on day −2 is a credit, which lowers nothing.
        var refused = await (await PostAsync(finance, "fund:pool", "fund:income:interest", 50m, 2)).JsonAsync(HttpStatusCode.UnprocessableEntity);
        var raised = await PostAsync(finance, "fund:expense:bank-charges", "fund:pool", 50m, 2);
        var allowed = await PostAsync(finance, "fund:pool", "fund:income:interest", 100m, 1);

        Assert.Contains("fund:pool", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(50m, await finance.BalanceAsync("fund:pool"));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient finance, string debit, string credit, decimal amount, int daysAgo) =>
        finance.PostAsync("/api/fund/entries", Support.Ledger.Transfer(debit, credit, amount, valueDate: Today.AddDays(-daysAgo)));
}
