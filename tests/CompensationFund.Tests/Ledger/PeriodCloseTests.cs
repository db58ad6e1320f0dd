using System.Net;
using CompensationFund.Tests.Support;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// Closing last month: income and expense go into the pool, balances are kept, and nothing may be dated into the
/// month afterwards. One scenario per class: a close changes the whole ledger.
/// </summary>
public sealed class PeriodCloseTests(FundFixture fund) : IClassFixture<FundFixture>
{
    [Fact]
    public async Task ClosedMonthRefusesBackDatedPostingsWithAClearReason()
    {
        using var finance = fund.Finance();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)); // the ledger's calendar: Asia/Shanghai
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var period = lastMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var pool = await finance.BalanceAsync("fund:pool");
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:income:interest", 100m, valueDate: lastMonth.AddDays(14)))).JsonAsync(HttpStatusCode.Created);
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:expense:bank-charges", "fund:bank", 30m, valueDate: lastMonth.AddDays(20)))).JsonAsync(HttpStatusCode.Created);

        var notOver = await finance.PostAsync($"/api/fund/periods/{today:yyyy-MM}/close", new { });
        var closed = await (await finance.PostAsync($"/api/fund/periods/{period}/close", new { })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notOver.StatusCode);
        Assert.NotEqual(JsonValueKindNull, closed.GetProperty("closingEntryId").ValueKind);
        Assert.Equal(pool + 70m, await finance.BalanceAsync("fund:pool"));
        Assert.Equal(0m, await finance.BalanceAsync("fund:income:interest"));
        Assert.Equal(0m, await finance.BalanceAsync("fund:expense:bank-charges"));

        var backDated = await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:income:interest", 5m, valueDate: lastMonth.AddDays(27))))
            .JsonAsync(HttpStatusCode.UnprocessableEntity);
        var detail = backDated.GetProperty("detail").GetString()!;
        Assert.Equal("Period closed", backDated.GetProperty("title").GetString());
        Assert.Contains($"closed through {lastMonth.AddMonths(1).AddDays(-1):yyyy-MM-dd}", detail, StringComparison.Ordinal);
        Assert.Contains($"on or after {lastMonth.AddMonths(1):yyyy-MM-dd}", detail, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Conflict, (await finance.PostAsync($"/api/fund/periods/{period}/close", new { })).StatusCode);
        var periods = await (await finance.GetAsync("/api/fund/periods")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(lastMonth.AddMonths(1).AddDays(-1), DateOnly.Parse(periods.GetProperty("closedThrough").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:income:interest", 5m, valueDate: today))).JsonAsync(HttpStatusCode.Created);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
