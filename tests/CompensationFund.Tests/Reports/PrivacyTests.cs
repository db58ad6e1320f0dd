using System.Net;
using CompensationFund.Tests.Support;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace CompensationFund.Tests.Reports;

/// <summary>
/// Privacy between cities: a city sees its own share of a contribution call and its own amounts on its statement; an
/// evaluator (who assesses performance, not money) reads none of the fund's figures (FundPolicies).
/// </summary>
public sealed class PrivacyTests(FundFixture fund) : IClassFixture<FundFixture>
{
    /// <summary>Today on the ledger's calendar (Asia/Shanghai, eight hours ahead of UTC).</summary>
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task ACitySeesOnlyItsOwnShareOfAContributionCallAndOnlyItsOwnInputsOnItsStatement()
    {
        using var finance = fund.Finance();
        var mine = await fund.NewCityAsync("mine");
        var theirs = await fund.NewCityAsync("theirs");
        var period = "p" + Guid.NewGuid().ToString("N")[..6];
        await (await finance.PostAsync("/api/fund/contribution-calls", new { period, total = 400m, dueDate = Today, formula = "fixed-ratios", ratios = new Dictionary<string, decimal> { [mine] = 1, [theirs] = 3 } }))
            .JsonAsync(HttpStatusCode.Created);
        using var city = fund.City(mine);

        var own = await (await city.GetAsync($"/api/fund/contribution-calls/{period}")).JsonAsync(HttpStatusCode.OK);
        var all = await (await finance.GetAsync($"/api/fund/contribution-calls/{period}")).JsonAsync(HttpStatusCode.OK);
        var statement = await (await city.GetAsync($"/api/fund/members/{mine}/statement")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal([mine], own.GetProperty("shares").EnumerateObject().Select(p => p.Name));
        Assert.Equal(100m, own.GetProperty("shares").GetProperty(mine).GetDecimal());
        Assert.Equal(2, all.GetProperty("shares").EnumerateObject().Count());
        var text = statement.GetRawText();
        Assert.DoesNotContain(theirs, text, StringComparison.Ordinal);
        Assert.Contains(mine + " 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEvaluatorIsRefusedTheFundsAccountsStatementsCallsAndReports()
    {
        var city = await fund.NewCityAsync("assessed");
        using var evaluator = fund.Service.ClientWithToken(TestTokens.For(PlatformRoles.Evaluator, evaluatorId: "ev-1"));
        string[] paths =
        [
            "/api/fund/accounts/fund:pool", $"/api/fund/members/{city}/statement", "/api/fund/contribution-calls",
            "/api/fund/reports/trial-balance", "/api/fund/compensation",
        ];

        foreach (var path in paths)
        {
            Assert.True((await evaluator.GetAsync(path)).StatusCode == HttpStatusCode.Forbidden, path);
        }
    }
}
