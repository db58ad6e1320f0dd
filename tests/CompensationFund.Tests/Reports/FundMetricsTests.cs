using System.Globalization;
using System.Net;
using CompensationFund.Tests.Support;
using Platform.Testing;

namespace CompensationFund.Tests.Reports;

/// <summary>
/// The gauges a scrape refreshes are PostgreSQL's sums (no document is loaded per obligation or proposal), and they say
/// what the API says: what cities owe by kind, what of it is overdue and on how many obligations, compensation paid.
/// One scenario per class: the figures are the whole ledger's.
/// </summary>
public sealed class FundMetricsTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task TheScrapeReportsOutstandingArrearsAndCompensationPaidFromAggregates()
    {
        using var finance = fund.Finance();
        var (a, b) = (await fund.NewCityAsync("ma"), await fund.NewCityAsync("mb"));
        await CallAsync(finance, 300m, Today.AddDays(-10), new() { [a] = 1, [b] = 2 });
        await CallAsync(finance, 50m, Today.AddDays(10), new() { [a] = 1 });
        await (await finance.PostAsync("/api/fund/payments", new { cityId = a, amount = 30m, receivedOn = Today.AddDays(-12) })).JsonAsync(HttpStatusCode.Created);
        var penalties = await (await finance.PostAsync("/api/fund/penalties/late-payment", new { asOf = Today })).JsonAsync(HttpStatusCode.OK);
        var (id, _) = await fund.ProposeAsync(1_000m);
        await fund.ApproveByTwoAsync(id, 200m);
        var paid = (await (await finance.PostAsync($"/api/fund/compensation/{id}/disburse", new { })).JsonAsync(HttpStatusCode.OK)).GetProperty("paid").GetDecimal();

        // 100 − 30 and 200 are overdue on two obligations; 50 is not due yet; penalties are due in 30 days.
        var expected = new Dictionary<string, decimal>
        {
            ["fund_receivables_outstanding_yuan{kind=\"contribution\"}"] = 320m,
            ["fund_arrears_yuan{kind=\"contribution\"}"] = 270m,
            ["fund_receivables_outstanding_yuan{kind=\"penalty\"}"] = penalties.GetProperty("total").GetDecimal(),
            ["fund_arrears_yuan{kind=\"penalty\"}"] = 0m,
            ["fund_arrears_obligations"] = 2m,
            ["fund_compensation_paid_yuan"] = paid,
        };
        Assert.True(penalties.GetProperty("total").GetDecimal() > 0);
        Assert.Equal(180m, paid);

        var scraped = await Eventually.Until(
            async () => Parse(await (await fund.Service.CreateClient().GetAsync("/metrics")).Content.ReadAsStringAsync()),
            metrics => expected.All(e => metrics.GetValueOrDefault(e.Key) == e.Value), because: "the gauges to show this ledger's figures");

        Assert.All(expected, e => Assert.Equal(e.Value, scraped[e.Key]));
    }

    private static async Task CallAsync(HttpClient finance, decimal total, DateOnly due, Dictionary<string, decimal> ratios)
    {
        var body = new { period = "m" + Guid.NewGuid().ToString("N")[..8], total, dueDate = due, calledOn = due < Today ? due.AddDays(-5) : Today, formula = "fixed-ratios", ratios };
        await (await finance.PostAsync("/api/fund/contribution-calls", body)).JsonAsync(HttpStatusCode.Created);
    }

    private static Dictionary<string, decimal> Parse(string exposition) =>
        exposition.Split('\n').Where(l => l.StartsWith("fund_", StringComparison.Ordinal))
            .Select(l => l.Split(' '))
            .Where(p => p.Length == 2 && decimal.TryParse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .ToDictionary(p => p[0], p => decimal.Parse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture));
}
