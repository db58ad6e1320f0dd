using System.Net;
using System.Text.Json;
using CompensationFund.Tests.Support;
using Platform.Contracts;
using Platform.Testing;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Compensation;

/// <summary>
/// From an allocation to money paid: settlement and a compensation proposal, approval by two members of the coordinating
/// body (reserving the pool), disbursement by finance, the hold-back released or clawed back.
/// </summary>
public sealed class CompensationTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private async Task<(string Origin, string Affected)> AllocateAsync(Guid allocation, decimal affectedShare)
    {
        var origin = await fund.NewCityAsync("origin");
        var affected = await fund.NewCityAsync("affected");
        var finalized = Allocations.Finalized(
            allocation, new Dictionary<string, decimal> { [origin] = 500m, [affected] = -500m }, new Dictionary<string, decimal> { [origin] = 9_000m, [affected] = affectedShare });
        await fund.PublishAsync(Topics.CostSharing, allocation.ToString(), finalized);
        return (origin, affected);
    }

    private static async Task<JsonElement> ProposalAsync(HttpClient client, Guid allocation)
    {
        var items = await Eventually.Until(
            async () => (await (await client.GetAsync($"/api/fund/compensation?allocationId={allocation}")).JsonAsync(HttpStatusCode.OK)).GetProperty("items"),
            items => items.GetArrayLength() > 0, because: "the fund to propose compensation");
        return items[0];
    }

    [Fact]
    public async Task AllocationLeadsToSettlementProposalApprovalAndDisbursement()
    {
        using var finance = fund.Finance();
        using var alice = fund.Coordinator("alice");
        using var bob = fund.Coordinator("bob");
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:pool", 100_000m))).JsonAsync(HttpStatusCode.Created);
        var allocation = Guid.NewGuid();
        var (_, affected) = await AllocateAsync(allocation, 2_000m);

        var proposal = await ProposalAsync(finance, allocation);
        var id = proposal.GetProperty("id").GetGuid();
        Assert.Equal((affected, 600.00m, "proposed"), (proposal.GetProperty("cityId").GetString(), proposal.GetProperty("proposed").GetDecimal(), proposal.GetProperty("status").GetString()));
        Assert.Contains("0.30 × burden 2000.00", proposal.GetProperty("explanation")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(500m, await finance.BalanceAsync($"city:{affected}:settlement-payable"));

        var poolBefore = (await finance.AccountAsync("fund:pool")).GetProperty("available").GetDecimal();
        var first = await (await alice.PostAsync($"/api/fund/compensation/{id}/approve", new { note = "agreed at the meeting" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("proposed", first.GetProperty("status").GetString());
        Assert.Equal(poolBefore, (await finance.AccountAsync("fund:pool")).GetProperty("available").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await alice.PostAsync($"/api/fund/compensation/{id}/approve", new { })).StatusCode);

        var approved = await (await bob.PostAsync($"/api/fund/compensation/{id}/approve", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("approved", 60.00m), (approved.GetProperty("status").GetString(), approved.GetProperty("holdBack").GetDecimal()));
        Assert.Equal(poolBefore - 600m, (await finance.AccountAsync("fund:pool")).GetProperty("available").GetDecimal());
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.PostAsync($"/api/fund/compensation/{id}/disburse", new { })).StatusCode);

        var bank = await finance.BalanceAsync("fund:bank");
        var paid = await (await finance.PostAsync($"/api/fund/compensation/{id}/disburse", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("paid", 540.00m), (paid.GetProperty("status").GetString(), paid.GetProperty("paid").GetDecimal()));
        Assert.Equal(bank - 540m, await finance.BalanceAsync("fund:bank"));
        Assert.Equal(0m, await finance.BalanceAsync($"city:{affected}:compensation-payable"));

        await (await alice.PostAsync($"/api/fund/compensation/{id}/hold-back/release", new { })).JsonAsync(HttpStatusCode.OK);
        await (await bob.PostAsync($"/api/fund/compensation/{id}/hold-back/release", new { })).JsonAsync(HttpStatusCode.OK);
        var all = await (await finance.PostAsync($"/api/fund/compensation/{id}/disburse", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(600.00m, all.GetProperty("paid").GetDecimal());
        Assert.Equal(poolBefore - 600m, await finance.BalanceAsync("fund:pool") - (await finance.AccountAsync("fund:pool")).GetProperty("pendingDebits").GetDecimal());

        var entry = await (await finance.GetAsync($"/api/fund/entries/{all.GetProperty("mainReservation").GetGuid()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, entry.GetProperty("source").GetProperty("approvals").GetArrayLength());
        Assert.Equal("compensation-policy", entry.GetProperty("source").GetProperty("rule").GetString());
    }

    [Fact]
    public async Task ClawbackTakesTheHoldBackFirstThenRaisesAReceivable()
    {
        using var finance = fund.Finance();
        using var alice = fund.Coordinator("alice");
        using var bob = fund.Coordinator("bob");
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:pool", 10_000m))).JsonAsync(HttpStatusCode.Created);
        var allocation = Guid.NewGuid();
        var (_, affected) = await AllocateAsync(allocation, 1_000m);
        var id = (await ProposalAsync(finance, allocation)).GetProperty("id").GetGuid();
        await (await alice.PostAsync($"/api/fund/compensation/{id}/approve", new { amount = 200m })).JsonAsync(HttpStatusCode.OK);
        await (await bob.PostAsync($"/api/fund/compensation/{id}/approve", new { amount = 200m })).JsonAsync(HttpStatusCode.OK);
        await (await finance.PostAsync($"/api/fund/compensation/{id}/disburse", new { })).JsonAsync(HttpStatusCode.OK);

        await (await alice.PostAsync($"/api/fund/compensation/{id}/clawback", new { amount = 50m, reason = "cost claim found overstated" })).JsonAsync(HttpStatusCode.OK);
        var clawed = await (await bob.PostAsync($"/api/fund/compensation/{id}/clawback", new { amount = 50m, reason = "cost claim found overstated" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(50.00m, clawed.GetProperty("clawedBack").GetDecimal());
        Assert.Equal(30.00m, await finance.BalanceAsync($"city:{affected}:penalties-receivable"));
        var obligations = await (await finance.GetAsync($"/api/fund/obligations?cityId={affected}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("clawback", Assert.Single(obligations.GetProperty("items").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task WhenThePoolCannotCoverAllProposalsTheyAreScaledAndTheShortfallReported()
    {
        using var finance = fund.Finance();
        var available = (await finance.AccountAsync("fund:pool")).GetProperty("available").GetDecimal();
        var allocation = Guid.NewGuid();
        var burden = (available + 1_000m) / 0.30m;
        await AllocateAsync(allocation, Math.Round(burden, 2));

        var proposal = await ProposalAsync(finance, allocation);

        Assert.Equal(available, proposal.GetProperty("proposed").GetDecimal());
        Assert.True(proposal.GetProperty("shortfall").GetDecimal() > 999m);
        Assert.Contains(proposal.GetProperty("explanation").EnumerateArray(), s => s.GetString()!.Contains("pro rata", StringComparison.Ordinal));
    }
}
