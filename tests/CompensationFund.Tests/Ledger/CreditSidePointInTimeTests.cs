using System.Net;
using CompensationFund.Tests.Support;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// The point-in-time floor on an account whose balance is on the credit side (the pool): a back-dated debit may not
/// take it below its floor on any later day either. One scenario per class: it needs the pool's history to itself.
/// </summary>
public sealed class CreditSidePointInTimeTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task ABackDatedDebitThatEmptiedThePoolOnALaterDayIsRefused()
    {
        using var finance = fund.Finance();
        var pool = await finance.BalanceAsync("fund:pool");
        async Task<HttpResponseMessage> Post(string debit, string credit, decimal amount, int daysAgo) =>
            await finance.PostAsync("/api/fund/entries", Support.Ledger.Transfer(debit, credit, amount, valueDate: Today.AddDays(-daysAgo)));

        await (await Post("fund:bank", "fund:pool", 100m, 5)).JsonAsync(HttpStatusCode.Created);
        await (await Post("fund:pool", "fund:income:interest", pool + 100m, 3)).JsonAsync(HttpStatusCode.Created);
        await (await Post("fund:bank", "fund:pool", 100m, 1)).JsonAsync(HttpStatusCode.Created);

        // Today the pool holds 100.00, but from day −3 to day −2 it held nothing: 50.00 out on day −2 breaks the floor then;
        // 50.00 in on day −2 is a credit, which lowers nothing.
        var refused = await (await Post("fund:pool", "fund:income:interest", 50m, 2)).JsonAsync(HttpStatusCode.UnprocessableEntity);
        var raised = await Post("fund:bank", "fund:pool", 50m, 2);
        var allowed = await Post("fund:pool", "fund:income:interest", 100m, 1);

        Assert.Contains("fund:pool", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(50m, await finance.BalanceAsync("fund:pool"));
    }
}
