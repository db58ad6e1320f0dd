using Platform.Testing;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CompensationFund.Api.Infrastructure.Ledger;
using CompensationFund.Tests.Support;
using Fund.StatementVerifier;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// Tamper evidence beyond any anchor: lines sealed into a hash chain that reconciliation verifies, each closed
/// period's Merkle root, a city's inclusion proofs checked with the independent verifier in <c>tools/</c>, and an event
/// log the service's role cannot rewrite. One class, one database: it closes last month.
/// </summary>
public sealed class TamperEvidenceTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)); // the ledger's calendar: Asia/Shanghai
    private static readonly DateOnly LastMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);
    private static string Period => LastMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ACityVerifiesEachLineOfItsStatementAgainstThePeriodsPublishedRoot()
    {
        using var finance = fund.Finance();
        var mine = await fund.NewCityAsync("mine");
        var theirs = await fund.NewCityAsync("theirs");
        foreach (var (owner, amount, day) in new[] { (mine, 120m, 3), (theirs, 75.5m, 4), (mine, 8.25m, 9), (theirs, 1m, 12), (mine, 40m, 20) })
        {
            await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", $"city:{owner}:deposits-held", amount, valueDate: LastMonth.AddDays(day)))).JsonAsync(HttpStatusCode.Created);
        }

        await (await finance.PostAsync($"/api/fund/periods/{Period}/close", new { })).JsonAsync(HttpStatusCode.OK);
        using var city = fund.City(mine);
        var root = await (await city.GetAsync($"/api/fund/periods/{Period}/root")).JsonAsync(HttpStatusCode.OK);
        var proofs = await (await city.GetAsync($"/api/fund/members/{mine}/statement/proofs?period={Period}")).JsonAsync(HttpStatusCode.OK);

        var verdicts = StatementVerifier.Verify(proofs, root.GetProperty("root").GetString()!);
        Assert.Equal(3, verdicts.Count);
        Assert.All(verdicts, v => Assert.True(v.Included, v.Detail));
        Assert.All(proofs.GetProperty("lines").EnumerateArray(), l => Assert.StartsWith($"city:{mine}:", l.GetProperty("account").GetString(), StringComparison.Ordinal));
        Assert.True(root.GetProperty("lines").GetInt32() >= 10);
        Assert.True(proofs.GetProperty("ledgerMatchesRoot").GetBoolean());

        var altered = JsonNode.Parse(proofs.GetRawText())!;
        altered["lines"]![0]!["creditsPostedFen"] = 99_999;
        var forged = StatementVerifier.Verify(JsonDocument.Parse(altered.ToJsonString()).RootElement, root.GetProperty("root").GetString()!);
        Assert.False(forged[0].Included);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/api/fund/members/{theirs}/statement/proofs?period={Period}")).StatusCode);
    }

    [Fact]
    public async Task ALineEditedBehindTheServicesBackBreaksTheChainAndReconciliationSaysSo()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync();
        var entry = await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", $"city:{city}:deposits-held", 33m))).JsonAsync(HttpStatusCode.Created);
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:income:interest", 2m))).JsonAsync(HttpStatusCode.Created);
        // Sealing follows commit order, so a line waits while an earlier transaction of a concurrent test is still open.
        var clean = await Eventually.Until(
            async () =>
            {
                await fund.Get<LedgerSealer>().SealAsync(CancellationToken.None);
                return await (await finance.GetAsync("/api/fund/reports/reconciliation")).JsonAsync(HttpStatusCode.OK);
            },
            r => r.GetProperty("chain").GetProperty("lines").GetInt64() >= 4,
            because: "the four lines to be sealed");
        Assert.Empty(clean.GetProperty("chain").GetProperty("broken").EnumerateArray());

        await fund.ExecuteAsync(
            $"update compensation_fund.fund_movement set credits_posted = credits_posted + 100 where entry_id = '{entry.GetProperty("entryId").GetGuid()}' and credits_posted > 0");

        var report = await (await finance.GetAsync("/api/fund/reports/reconciliation")).JsonAsync(HttpStatusCode.OK);
        Assert.NotEmpty(report.GetProperty("chain").GetProperty("broken").EnumerateArray());
        Assert.True(report.GetProperty("discrepancies").GetInt32() > 0);
    }

    [Fact]
    public async Task TheServicesRoleCannotRewriteOrDeleteLedgerEvents()
    {
        using var finance = fund.Finance();
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:income:interest", 1m))).JsonAsync(HttpStatusCode.Created);
        await fund.Get<LedgerSealer>().SealAsync(CancellationToken.None);
        var events = await fund.ScalarAsync<long>("select count(*) from compensation_fund.mt_events");

        var update = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => fund.ExecuteAsync("update compensation_fund.mt_events set data = data"));
        var delete = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => fund.ExecuteAsync("delete from compensation_fund.mt_events"));

        Assert.Equal(LedgerErrorCodes.AppendOnly, update.SqlState);
        Assert.Equal(LedgerErrorCodes.AppendOnly, delete.SqlState);
        Assert.Equal(events, await fund.ScalarAsync<long>("select count(*) from compensation_fund.mt_events"));
    }
}
