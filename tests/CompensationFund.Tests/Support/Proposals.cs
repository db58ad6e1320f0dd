using System.Net;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;

namespace CompensationFund.Tests.Support;

/// <summary>A compensation proposal reached through a finalized allocation, and the coordinating body's calls on it.</summary>
public static class Proposals
{
    /// <summary>
    /// Funds the pool, finalizes an allocation in which one new affected city carries <paramref name="burden"/>, and
    /// returns the proposal the fund makes for it (0.30 × burden with tier M and no grade).
    /// </summary>
    public static async Task<(Guid Id, string City)> ProposeAsync(this FundFixture fund, decimal burden)
    {
        using var finance = fund.Finance();
        await (await finance.PostAsync("/api/fund/entries", Ledger.Transfer("fund:bank", "fund:pool", burden))).JsonAsync(HttpStatusCode.Created);
        var origin = await fund.NewCityAsync("origin");
        var affected = await fund.NewCityAsync("affected");
        var allocation = Guid.NewGuid();
        await fund.PublishAsync(Topics.CostSharing, allocation.ToString(), Allocations.Finalized(
            allocation, new Dictionary<string, decimal> { [origin] = 1m, [affected] = -1m }, new Dictionary<string, decimal> { [origin] = 9_000m, [affected] = burden }));
        var items = await Eventually.Until(
            async () => (await (await finance.GetAsync($"/api/fund/compensation?allocationId={allocation}")).JsonAsync(HttpStatusCode.OK)).GetProperty("items"),
            items => items.GetArrayLength() > 0, because: "the fund to propose compensation");
        return (items[0].GetProperty("id").GetGuid(), affected);
    }

    /// <summary>Approves <paramref name="amount"/> by two distinct members of the coordinating body (the default quorum).</summary>
    public static async Task<JsonElement> ApproveByTwoAsync(this FundFixture fund, Guid id, decimal amount)
    {
        using var alice = fund.Coordinator("alice");
        using var bob = fund.Coordinator("bob");
        await (await alice.PostAsync($"/api/fund/compensation/{id}/approve", new { amount })).JsonAsync(HttpStatusCode.OK);
        return await (await bob.PostAsync($"/api/fund/compensation/{id}/approve", new { amount })).JsonAsync(HttpStatusCode.OK);
    }

    public static async Task<JsonElement> GetProposalAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/fund/compensation/{id}")).JsonAsync(HttpStatusCode.OK);
}
