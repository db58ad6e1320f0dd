using System.Globalization;
using System.Net;
using CompensationFund.Tests.Support;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Reports;

/// <summary>
/// Period close and reconciliation start from the last closed period's snapshot: a close sums only the month it closes onto
/// the previous close's balances (and gives what a sum of the whole history gives), the rebuild check folds only the events
/// since the snapshot (and agrees with the full rebuild), and a discrepancy made after the snapshot is still found. One
/// scenario per class: closes change the whole ledger.
/// </summary>
public sealed class ReconciliationSnapshotTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task TheSnapshotBasedRebuildEqualsTheFullOneAndStillFindsALaterDiscrepancy()
    {
        using var finance = fund.Finance();
        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        var (older, last) = (thisMonth.AddMonths(-2), thisMonth.AddMonths(-1));
        foreach (var (day, amount) in new[] { (older.AddDays(3), 100m), (older.AddDays(20), 40m), (last.AddDays(5), 70m), (last.AddDays(27), 9.99m) })
        {
            await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:income:interest", amount, valueDate: day))).JsonAsync(HttpStatusCode.Created);
            await (await finance.PostAsync("/api/fund/entries", Transfer("fund:expense:bank-charges", "fund:bank", Math.Round(amount / 10, 2), valueDate: day))).JsonAsync(HttpStatusCode.Created);
        }

        await (await finance.PostAsync($"/api/fund/periods/{older:yyyy-MM}/close", new { })).JsonAsync(HttpStatusCode.OK);
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:pool", 5m, valueDate: last.AddDays(28)))).JsonAsync(HttpStatusCode.Created);
        await (await finance.PostAsync($"/api/fund/periods/{last:yyyy-MM}/close", new { })).JsonAsync(HttpStatusCode.OK);
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:income:interest", 3m))).JsonAsync(HttpStatusCode.Created);

        // The second close summed only its month onto the first close's snapshot: the same as summing the whole history.
        var differing = await fund.ScalarAsync<long>(
            $"""
            select count(*) from (
              select m.account_id, sum(m.debits_posted) as dp, sum(m.credits_posted) as cp from compensation_fund.fund_movement m
              where m.value_date <= '{last.AddMonths(1).AddDays(-1):yyyy-MM-dd}' group by m.account_id) full_sum
            full join (select key as account_id, (value ->> 0)::numeric as dp, (value ->> 1)::numeric as cp
                       from compensation_fund.fund_period_snapshot, jsonb_each(closing) where period = '{last:yyyy-MM}') snap using (account_id)
            where full_sum.dp is distinct from snap.dp or full_sum.cp is distinct from snap.cp
            """);
        Assert.Equal(0, differing);

        var fromSnapshot = await RunAsync(finance, full: false);
        var full = await RunAsync(finance, full: true);

        Assert.Equal(last.ToString("yyyy-MM", CultureInfo.InvariantCulture), fromSnapshot.GetProperty("startedFromPeriod").GetString());
        Assert.Equal(JsonValueKindNull, full.GetProperty("startedFromPeriod").ValueKind);
        Assert.True(
            fromSnapshot.GetProperty("progress").GetProperty("eventsFolded").GetInt64() < full.GetProperty("progress").GetProperty("eventsFolded").GetInt64(),
            "the snapshot-based rebuild folded as many events as the full one");
        foreach (var report in new[] { fromSnapshot.GetProperty("report"), full.GetProperty("report") })
        {
            Assert.Equal(0, report.GetProperty("discrepancies").GetInt32());
            Assert.True(report.GetProperty("rebuild").GetProperty("agrees").GetBoolean());
        }

        Assert.Equal(full.GetProperty("report").GetProperty("rebuild").GetProperty("events").GetInt64(), fromSnapshot.GetProperty("report").GetProperty("rebuild").GetProperty("events").GetInt64());
        Assert.Equal(full.GetProperty("report").GetProperty("rebuild").GetProperty("entries").GetInt64(), fromSnapshot.GetProperty("report").GetProperty("rebuild").GetProperty("entries").GetInt64());

        await fund.ExecuteAsync("update compensation_fund.fund_balance set debits_posted = debits_posted + 1 where account_id = 'fund:income:interest'");
        var tampered = (await RunAsync(finance, full: false)).GetProperty("report");

        Assert.False(tampered.GetProperty("rebuild").GetProperty("agrees").GetBoolean());
        Assert.Equal("fund:income:interest", Assert.Single(tampered.GetProperty("rebuild").GetProperty("liveDifferences").EnumerateArray()).GetProperty("account").GetString());
        await fund.ExecuteAsync("update compensation_fund.fund_balance set debits_posted = debits_posted - 1 where account_id = 'fund:income:interest'");
    }

    private static async Task<System.Text.Json.JsonElement> RunAsync(HttpClient client, bool full)
    {
        var accepted = await client.PostAsync($"/api/fund/reconciliations?full={(full ? "true" : "false")}", new { });
        await accepted.JsonAsync(HttpStatusCode.Accepted);
        return await ReconciliationJobTests.CompletedAsync(client, accepted.Headers.Location!.ToString());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
