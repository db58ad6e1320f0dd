using System.Net;
using System.Text;
using CompensationFund.Tests.Support;

namespace CompensationFund.Tests.Contributions;

/// <summary>Contributions through the API: call by formula, payments in part and over, arrears, late penalties, bank statements.</summary>
public sealed class ContributionTests(FundFixture fund) : IClassFixture<FundFixture>
{
    /// <summary>Today on the ledger's calendar (Asia/Shanghai, eight hours ahead of UTC).</summary>
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private async Task<(HttpClient Finance, string[] Cities, string Period)> CallAsync(decimal total, DateOnly due, params int[] ratios)
    {
        var finance = fund.Finance();
        var cities = new string[ratios.Length];
        for (var i = 0; i < ratios.Length; i++)
        {
            cities[i] = await fund.NewCityAsync($"m{i}");
        }

        var period = "p" + Guid.NewGuid().ToString("N")[..8];
        var calledOn = due < Today ? due.AddDays(-10) : Today;
        var body = new { period, total, dueDate = due, calledOn, formula = "fixed-ratios", ratios = cities.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (decimal)ratios[x.i]) };
        await (await finance.PostAsync("/api/fund/contribution-calls", body)).JsonAsync(HttpStatusCode.Created);
        return (finance, cities, period);
    }

    [Fact]
    public async Task CallSplitsByRatiosAndASecondCallForThePeriodIsRefused()
    {
        var (finance, cities, period) = await CallAsync(100.00m, Today.AddDays(30), 1, 5, 4);
        using var _ = finance;

        var call = await (await finance.GetAsync($"/api/fund/contribution-calls/{period}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([10.00m, 50.00m, 40.00m], cities.Select(c => call.GetProperty("shares").GetProperty(c).GetDecimal()));
        Assert.Equal(50.00m, await finance.BalanceAsync($"city:{cities[1]}:contributions-receivable"));
        var again = await finance.PostAsync("/api/fund/contribution-calls", new { period, total = 1m, dueDate = Today, formula = "fixed-ratios", ratios = new Dictionary<string, decimal> { [cities[0]] = 1 } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task PartialPaymentLeavesArrearsThatBearALatePenalty()
    {
        var due = Today.AddDays(-10);
        var (finance, cities, period) = await CallAsync(10_000.00m, due, 1);
        using var _ = finance;
        var city = cities[0];
        var pool = await finance.BalanceAsync("fund:pool");

        var paid = await (await finance.PostAsync("/api/fund/payments", new { cityId = city, amount = 4_000.00m, receivedOn = due.AddDays(4) })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("partial", paid.GetProperty("outcome").GetString());
        Assert.Equal(pool + 4_000m, await finance.BalanceAsync("fund:pool"));
        Assert.Equal(6_000m, await finance.BalanceAsync($"city:{city}:contributions-receivable"));

        var arrears = await (await finance.GetAsync($"/api/fund/obligations?cityId={city}&overdue=true")).JsonAsync(HttpStatusCode.OK);
        var overdue = Assert.Single(arrears.GetProperty("items").EnumerateArray());
        Assert.Equal((6_000m, 10), (overdue.GetProperty("outstanding").GetDecimal(), overdue.GetProperty("daysOverdue").GetInt32()));

        var assessed = await (await finance.PostAsync("/api/fund/penalties/late-payment", new { asOf = Today })).JsonAsync(HttpStatusCode.OK);
        var penalty = assessed.GetProperty("penalties").EnumerateArray().Single(p => p.GetProperty("cityId").GetString() == city);
        // 3 days on 10,000.00 and 7 days on 6,000.00 at 0.05 % a day.
        Assert.Equal(36.00m, penalty.GetProperty("amount").GetDecimal());
        Assert.Equal(36.00m, await finance.BalanceAsync($"city:{city}:penalties-receivable"));
        var rerun = await (await finance.PostAsync("/api/fund/penalties/late-payment", new { asOf = Today })).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(rerun.GetProperty("penalties").EnumerateArray(), p => p.GetProperty("cityId").GetString() == city);

        var settled = await (await finance.PostAsync("/api/fund/payments", new { cityId = city, amount = 6_036.00m })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("full", settled.GetProperty("outcome").GetString());
        Assert.Contains(settled.GetProperty("applications").EnumerateArray(), a => a.GetProperty("kind").GetString() == "penalty" && a.GetProperty("applied").GetDecimal() == 36.00m);
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:penalties-receivable"));
        Assert.Empty((await (await finance.GetAsync($"/api/fund/obligations?cityId={city}&overdue=true")).JsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ABackDatedPaymentRecomputesTheLatePenaltyAndCreditsWhatWasOverCharged()
    {
        var due = Today.AddDays(-10);
        var (finance, cities, _) = await CallAsync(10_000.00m, due, 1);
        using var _ = finance;
        var city = cities[0];
        var charged = await (await finance.PostAsync("/api/fund/penalties/late-payment", new { asOf = Today })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(50.00m, charged.GetProperty("penalties").EnumerateArray().Single(p => p.GetProperty("cityId").GetString() == city).GetProperty("amount").GetDecimal());

        var paid = await (await finance.PostAsync("/api/fund/payments", new { cityId = city, amount = 4_000.00m, receivedOn = due.AddDays(4) })).JsonAsync(HttpStatusCode.Created);

        // Ten days charged on 10,000.00 = 50.00; recomputed, 3 days on 10,000.00 and 7 days on 6,000.00 (paid at the end
        // of day 4) at 0.05 % a day = 36.00, so 14.00 was over-charged.
        Assert.Equal(14.00m, paid.GetProperty("penaltyCredited").GetDecimal());
        Assert.Equal(36.00m, await finance.BalanceAsync($"city:{city}:penalties-receivable"));
        var penalties = await (await finance.GetAsync($"/api/fund/obligations?cityId={city}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(36.00m, penalties.GetProperty("items").EnumerateArray().Where(o => o.GetProperty("kind").GetString() == "penalty").Sum(o => o.GetProperty("outstanding").GetDecimal()));
    }

    [Fact]
    public async Task ACallCannotFallDueBeforeItIsMade()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync("due");
        var period = "p" + Guid.NewGuid().ToString("N")[..8];
        var body = new { period, total = 10m, dueDate = Today.AddDays(-1), formula = "fixed-ratios", ratios = new Dictionary<string, decimal> { [city] = 1 } };

        var refused = await finance.PostAsync("/api/fund/contribution-calls", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:contributions-receivable"));
    }

    [Fact]
    public async Task OverPaymentIsHeldAsUnappliedReceipts()
    {
        var (finance, cities, _) = await CallAsync(100.00m, Today.AddDays(5), 1);
        using var _ = finance;
        var unapplied = await finance.BalanceAsync("fund:unapplied-receipts");

        var paid = await (await finance.PostAsync("/api/fund/payments", new { cityId = cities[0], amount = 130.00m })).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(("over", 30.00m), (paid.GetProperty("outcome").GetString(), paid.GetProperty("unapplied").GetDecimal()));
        Assert.Equal(unapplied + 30m, await finance.BalanceAsync("fund:unapplied-receipts"));
    }

    [Fact]
    public async Task BankStatementMatchesByCodeOrPayerAndListsTheRest()
    {
        var (finance, cities, period) = await CallAsync(300.00m, Today.AddDays(5), 1, 2);
        using var _ = finance;
        var (a, b) = (cities[0], cities[1]);
        var batch = Guid.NewGuid().ToString("N")[..6];
        var csv = new StringBuilder("date,amount,payer,reference,bank_reference\n")
            .Append($"{Today:yyyy-MM-dd},100.00,Treasury of {a},CC-{period}-{a},{batch}-1\n")
            .Append($"{Today:yyyy-MM-dd},50.00,{b},contribution,{batch}-2\n")
            .Append($"{Today:yyyy-MM-dd},75.00,Some Donor,gift,{batch}-3\n")
            .Append($"{Today:yyyy-MM-dd},-12.00,Bank,fees,{batch}-4\n")
            .ToString();

        var import = await (await PostCsvAsync(finance, csv)).JsonAsync(HttpStatusCode.Created);
        var statuses = import.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("status").GetString()).ToList();
        var again = await (await PostCsvAsync(finance, csv)).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(["matched", "partial", "unmatched", "outgoing"], statuses);
        Assert.Equal(0m, await finance.BalanceAsync($"city:{a}:contributions-receivable"));
        Assert.Equal(150m, await finance.BalanceAsync($"city:{b}:contributions-receivable"));
        // Posted lines are used up; a line that posted nothing is looked at again, never counted twice.
        Assert.Equal(["duplicate", "duplicate", "unmatched", "outgoing"], again.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("status").GetString()));
        Assert.Equal(150m, await finance.BalanceAsync($"city:{b}:contributions-receivable"));
    }

    private static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string csv) =>
        client.PostCsvAsync(csv);
}
