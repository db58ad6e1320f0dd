using System.Net;
using CompensationFund.Tests.Support;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// A back-dated posting may not break a floor at any later date of an open period: the bank's balance as of
/// each later day, with the posting counted, stays above its floor, not only the balance today. One scenario per class:
/// it needs the bank's history to itself.
/// </summary>
public sealed class PointInTimeTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task ABackDatedWithdrawalThatEmptiedTheBankOnALaterDayIsRefused()
    {
        using var finance = fund.Finance();
        var bank = await finance.BalanceAsync("fund:bank");
        async Task<HttpResponseMessage> Post(string debit, string credit, decimal amount, int daysAgo) =>
            await finance.PostAsync("/api/fund/entries", Support.Ledger.Transfer(debit, credit, amount, valueDate: Today.AddDays(-daysAgo)));

        await (await Post("fund:bank", "fund:income:interest", 100m, 5)).JsonAsync(HttpStatusCode.Created);
        await (await Post("fund:expense:bank-charges", "fund:bank", bank + 100m, 3)).JsonAsync(HttpStatusCode.Created);
        await (await Post("fund:bank", "fund:income:interest", 100m, 1)).JsonAsync(HttpStatusCode.Created);

        // Today the bank holds 100.00, but from day −3 to day −2 it held nothing: 50.00 out on day −2 breaks the floor then.
        var refused = await (await Post("fund:expense:bank-charges", "fund:bank", 50m, 2)).JsonAsync(HttpStatusCode.UnprocessableEntity);
        var allowed = await Post("fund:expense:bank-charges", "fund:bank", 50m, 1);

        Assert.Contains("fund:bank", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(50m, await finance.BalanceAsync("fund:bank"));
    }
}
