using System.Net;
using System.Net.Http.Json;
using CompensationFund.Tests.Support;

namespace CompensationFund.Tests.Accounts;

/// <summary>
/// Audit of limit changes: every change is an event with who and why, and a floor that guards the fund's money
/// (bank, pools, earmarks) is not lifted by one person.
/// </summary>
public sealed class LimitAuditTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static Task<HttpResponseMessage> PutLimitsAsync(HttpClient client, string account, object limits) =>
        client.PutAsync($"/api/fund/accounts/{account}/limits", JsonContent.Create(limits));

    [Fact]
    public async Task ALimitChangeIsRecordedWithWhoAndWhy()
    {
        using var finance = fund.Finance("carol");
        var account = $"city:{await fund.NewCityAsync()}:deposits-held";

        await (await PutLimitsAsync(finance, account, new { floor = 0m, ceiling = 500m, reason = "deposit cap agreed 2026-03" })).JsonAsync(HttpStatusCode.OK);
        await (await PutLimitsAsync(finance, account, new { floor = 0m, reason = "cap lifted" })).JsonAsync(HttpStatusCode.OK);

        var history = await (await finance.GetAsync($"/api/fund/accounts/{account}/limits/history")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal((500m, "deposit cap agreed 2026-03"), (history[0].GetProperty("ceiling").GetDecimal(), history[0].GetProperty("reason").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, history[1].GetProperty("ceiling").ValueKind);
        Assert.Equal(500m, history[1].GetProperty("ceilingBefore").GetDecimal());
        Assert.Equal("test-finance-carol", history[1].GetProperty("approvedBy")[0].GetProperty("by").GetString());
    }

    [Fact]
    public async Task ThePoolsFloorIsNotLiftedByOnePerson()
    {
        using var alice = fund.Finance("alice");
        using var bob = fund.Finance("bob");
        using var finance = fund.Finance();
        await (await finance.PostAsync("/api/fund/entries", Support.Ledger.Transfer("fund:bank", "fund:pool", 10m))).JsonAsync(HttpStatusCode.Created);

        var asked = await (await PutLimitsAsync(alice, "fund:pool", new { floor = -100m, reason = "bridge loan" })).JsonAsync(HttpStatusCode.Accepted);
        var again = await PutLimitsAsync(alice, "fund:pool", new { floor = -100m, reason = "bridge loan" });
        var other = await PutLimitsAsync(bob, "fund:pool", new { floor = -200m });

        Assert.Equal(1, asked.GetProperty("approvals").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(0m, (await finance.AccountAsync("fund:pool")).GetProperty("floor").GetDecimal());

        var lifted = await (await PutLimitsAsync(bob, "fund:pool", new { floor = -100m })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(-100m, lifted.GetProperty("floor").GetDecimal());
        var change = (await (await finance.GetAsync("/api/fund/accounts/fund:pool/limits/history")).JsonAsync(HttpStatusCode.OK))[0];
        Assert.Equal(["test-finance-alice", "test-finance-bob"], change.GetProperty("approvedBy").EnumerateArray().Select(a => a.GetProperty("by").GetString()).Order());
        Assert.Equal("bridge loan", change.GetProperty("reason").GetString());

        await (await PutLimitsAsync(alice, "fund:pool", new { floor = 0m, reason = "loan repaid" })).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnUnknownAccountIsNotFound()
    {
        using var finance = fund.Finance();

        await (await PutLimitsAsync(finance, "fund:nowhere", new { floor = 0m })).JsonAsync(HttpStatusCode.NotFound);
        await (await finance.GetAsync("/api/fund/accounts/fund:nowhere/limits/history")).JsonAsync(HttpStatusCode.NotFound);
    }
}
