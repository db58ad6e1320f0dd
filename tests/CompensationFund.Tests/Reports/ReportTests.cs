using System.Net;
using System.Text;
using CompensationFund.Tests.Support;
using Platform.Contracts;
using Platform.Testing;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Reports;

/// <summary>Statements that explain every posting, the trial balance, the reconciliation report and the metrics.</summary>
public sealed class ReportTests(FundFixture fund) : IClassFixture<FundFixture>
{
    /// <summary>Today on the ledger's calendar (Asia/Shanghai, eight hours ahead of UTC).</summary>
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task StatementShowsOpeningEachPostingWithWhyAndClosingAsJsonAndCsv()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync();
        var period = "s" + Guid.NewGuid().ToString("N")[..6];
        await (await finance.PostAsync("/api/fund/contribution-calls", new { period = period + "-early", total = 7m, dueDate = Today, formula = "fixed-ratios", ratios = new Dictionary<string, decimal> { [city] = 1 } }))
            .JsonAsync(HttpStatusCode.Created);
        await (await finance.PostAsync("/api/fund/contribution-calls", new { period, total = 100m, dueDate = Today, formula = "fixed-ratios", ratios = new Dictionary<string, decimal> { [city] = 1 } }))
            .JsonAsync(HttpStatusCode.Created);
        await (await finance.PostAsync("/api/fund/payments", new { cityId = city, amount = 40m }, "pay-" + period)).JsonAsync(HttpStatusCode.Created);
        using var own = fund.City(city);

        var statement = await (await own.GetAsync($"/api/fund/members/{city}/statement?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}")).JsonAsync(HttpStatusCode.OK);
        var receivable = statement.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("account").GetString() == $"city:{city}:contributions-receivable");

        Assert.Equal((0m, 67m), (receivable.GetProperty("openingBalance").GetDecimal(), receivable.GetProperty("closingBalance").GetDecimal()));
        var call = receivable.GetProperty("lines")[0];
        Assert.Equal(7m, call.GetProperty("debit").GetDecimal());
        Assert.Equal(("contribution-call", "contribution-formula", 1), (call.GetProperty("why").GetProperty("kind").GetString(), call.GetProperty("why").GetProperty("rule").GetString(), call.GetProperty("why").GetProperty("ruleVersion").GetInt32()));
        Assert.Contains("largest remainder", call.GetProperty("why").GetProperty("inputs").GetProperty("rounding").GetString(), StringComparison.Ordinal);
        var payments = receivable.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("why").GetProperty("kind").GetString() == "payment-received").ToList();
        Assert.Equal((40m, 67m), (payments.Sum(p => p.GetProperty("credit").GetDecimal()), payments[^1].GetProperty("balance").GetDecimal()));
        var payment = payments[0];
        Assert.Equal(("payment-received", "request", "test-finance-x"), (payment.GetProperty("why").GetProperty("kind").GetString(), payment.GetProperty("why").GetProperty("source").GetString(), payment.GetProperty("why").GetProperty("requestedBy").GetString()));

        var csv = await (await own.GetAsync($"/api/fund/members/{city}/statement?from={Today:yyyy-MM-dd}&format=csv")).Content.ReadAsStringAsync();
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("account,row,value_date", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.StartsWith($"city:{city}:contributions-receivable,posting,", StringComparison.Ordinal) && r.Contains("contribution-formula v1", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith($"city:{city}:contributions-receivable,closing,", StringComparison.Ordinal) && r.Contains(",67.00", StringComparison.Ordinal));
        using var other = fund.City("someone-else");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/fund/members/{city}/statement")).StatusCode);
    }

    [Fact]
    public async Task TrialBalanceBalancesAsOfAnyDate()
    {
        using var finance = fund.Finance();
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:income:interest", 3m, valueDate: Today.AddDays(-2)))).JsonAsync(HttpStatusCode.Created);

        var now = await (await finance.GetAsync("/api/fund/reports/trial-balance")).JsonAsync(HttpStatusCode.OK);
        var before = await (await finance.GetAsync($"/api/fund/reports/trial-balance?asOf={Today.AddDays(-3):yyyy-MM-dd}")).JsonAsync(HttpStatusCode.OK);

        Assert.True(now.GetProperty("balanced").GetBoolean());
        Assert.True(before.GetProperty("balanced").GetBoolean());
        Assert.True(now.GetProperty("totalDebits").GetDecimal() >= before.GetProperty("totalDebits").GetDecimal() + 3m);
        Assert.Equal(HttpStatusCode.Forbidden, (await fund.City("x").GetAsync("/api/fund/reports/trial-balance")).StatusCode);
    }

    [Fact]
    public async Task ReconciliationAgreesListsUnmatchedBankLinesAndCatchesTampering()
    {
        using var finance = fund.Finance();
        var (a, b) = (await fund.NewCityAsync("ra"), await fund.NewCityAsync("rb"));
        var allocation = Guid.NewGuid();
        await fund.PublishAsync(Topics.CostSharing, allocation.ToString(), Allocations.Finalized(allocation, new Dictionary<string, decimal> { [a] = 80m, [b] = -80m }));
        await Eventually.Until(async () => (await finance.GetAsync($"/api/fund/settlements/{allocation}")).IsSuccessStatusCode, because: "the settlement");
        var reference = Guid.NewGuid().ToString("N")[..8];
        await finance.PostCsvAsync(
            $"date,amount,payer,reference,bank_reference\n{Today:yyyy-MM-dd},80.00,{a},ST-{allocation},{reference}-1\n{Today:yyyy-MM-dd},5.00,stranger,?,{reference}-2\n");

        var clean = await (await finance.GetAsync("/api/fund/reports/reconciliation")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, clean.GetProperty("discrepancies").GetInt32());
        Assert.True(clean.GetProperty("rebuild").GetProperty("agrees").GetBoolean());
        Assert.Contains(clean.GetProperty("bank").GetProperty("listed").EnumerateArray(), l => l.GetProperty("bankReference").GetString() == $"{reference}-2");
        Assert.Equal(0m, await finance.BalanceAsync($"city:{a}:settlement-receivable"));

        await fund.ExecuteAsync($"update compensation_fund.fund_balance set credits_posted = credits_posted + 1 where account_id = 'city:{b}:settlement-payable'");
        await fund.ExecuteAsync($"update compensation_fund.mt_doc_allocationsettlement set data = jsonb_set(data, '{{instructed,{a}}}', '8001') where id = '{allocation}'");
        var tampered = await (await finance.GetAsync("/api/fund/reports/reconciliation")).JsonAsync(HttpStatusCode.OK);

        Assert.False(tampered.GetProperty("rebuild").GetProperty("agrees").GetBoolean());
        Assert.Equal($"city:{b}:settlement-payable", tampered.GetProperty("rebuild").GetProperty("liveDifferences")[0].GetProperty("account").GetString());
        Assert.Contains(tampered.GetProperty("allocations").GetProperty("discrepancies").EnumerateArray(), d => d.GetProperty("detail").GetString()!.StartsWith(a, StringComparison.Ordinal));
        await fund.ExecuteAsync($"update compensation_fund.fund_balance set credits_posted = credits_posted - 1 where account_id = 'city:{b}:settlement-payable'");
    }

    [Fact]
    public async Task MetricsExposeBalancesByKindAndDiscrepancies()
    {
        using var finance = fund.Finance();
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:pool", 1m))).JsonAsync(HttpStatusCode.Created);

        var metrics = await (await fund.Service.CreateClient().GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Contains("fund_account_balance_yuan{kind=\"pool\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("fund_reconciliation_discrepancies", metrics, StringComparison.Ordinal);
        Assert.Contains("fund_arrears_obligations", metrics, StringComparison.Ordinal);
    }
}
