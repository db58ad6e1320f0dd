using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Tests.Support;
using Marten;
using Platform.Contracts;
using Platform.Contracts.Evaluation;
using Platform.Testing;

namespace CompensationFund.Tests.Integration;

/// <summary>
/// An event about a city whose <c>MemberJoined</c> has not reached the fund yet is parked, not dead-lettered or skipped,
/// and applied once the city joins, in order with the later events of its key (docs/messaging.md, "Not yet").
/// </summary>
public sealed class NotYetJoinedTests(FundFixture fund) : IClassFixture<FundFixture>
{
    [Fact]
    public async Task SettlementBeforeItsMembersAccountsIsParkedThenAppliedInOrderWithItsCorrection()
    {
        using var finance = fund.Finance();
        using var coordinator = fund.Coordinator();
        var early = await fund.NewCityAsync("early");
        var late = $"late-{Guid.NewGuid():N}"[..20];
        var (original, corrected) = (Guid.NewGuid(), Guid.NewGuid());
        var incident = Guid.NewGuid().ToString();

        await fund.PublishAsync(Topics.CostSharing, incident, Allocations.Finalized(original, new Dictionary<string, decimal> { [early] = 300m, [late] = -300m }));
        await fund.PublishAsync(Topics.CostSharing, incident, Allocations.Finalized(corrected, new Dictionary<string, decimal> { [early] = 250m, [late] = -250m }, supersedes: original));
        await fund.PublishAsync(Topics.CostSharing, incident, Allocations.Superseded(original, corrected, new Dictionary<string, decimal> { [early] = -50m, [late] = 50m }));

        var parked = await Eventually.Until(() => ParkedAsync(coordinator, incident), p => p.Count == 3, because: "the settlement and the two after it to park");
        Assert.Contains(late, parked[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.GetAsync($"/api/fund/settlements/{original}")).StatusCode);

        await fund.JoinAsync(late);

        var settlement = await Eventually.Until(
            async () => await finance.GetAsync($"/api/fund/settlements/{original}") is { StatusCode: HttpStatusCode.OK } r ? await r.JsonAsync(HttpStatusCode.OK) : default,
            s => s.ValueKind == JsonValueKind.Object && s.GetProperty("adjustments").GetArrayLength() == 1,
            TimeSpan.FromSeconds(60),
            "the settlement and then its correction to apply");
        Assert.Equal(corrected, settlement.GetProperty("adjustments")[0].GetProperty("allocationId").GetGuid());
        Assert.Equal(250m, await finance.BalanceAsync($"city:{early}:settlement-receivable"));
        Assert.Equal(250m, await finance.BalanceAsync($"city:{late}:settlement-payable"));
        Assert.Empty(await ParkedAsync(coordinator, incident));
        Assert.DoesNotContain(
            (await coordinator.GetFromJsonAsync<List<JsonElement>>("/api/fund/admin/dead-letters"))!,
            d => d.GetProperty("key").GetString() == incident);
    }

    [Fact]
    public async Task EvaluationResultForACityNotYetJoinedIsAppliedOnceItJoins()
    {
        using var finance = fund.Finance();
        using var coordinator = fund.Coordinator();
        var member = await fund.NewCityAsync("graded");
        var late = $"late-{Guid.NewGuid():N}"[..20];
        var round = new EvaluationPublished(
            Guid.NewGuid(), "participant", null, "2026-H1", true, "CNY",
            [new CityEvaluationResult(member, 90m, "优", null, null), new CityEvaluationResult(late, 58m, "差", null, 20m)],
            DateTimeOffset.UtcNow);

        await fund.PublishAsync(Topics.Evaluation, round.RoundId.ToString(), round);
        var parked = await Eventually.Until(() => ParkedAsync(coordinator, round.RoundId.ToString()), p => p.Count == 1, because: "the round to park");
        Assert.Contains(late, parked[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Null((await MemberAsync(member))!.LatestGrade);

        await fund.JoinAsync(late);

        await Eventually.Until(async () => (await MemberAsync(late))?.LatestGrade == "差", TimeSpan.FromSeconds(60), "the round to apply after the join");
        Assert.Equal("优", (await MemberAsync(member))!.LatestGrade);
        Assert.Equal(20m, await finance.BalanceAsync($"city:{late}:penalties-receivable"));
        Assert.Empty(await ParkedAsync(coordinator, round.RoundId.ToString()));
    }

    private static async Task<List<JsonElement>> ParkedAsync(HttpClient coordinator, string key) =>
        [.. (await coordinator.GetFromJsonAsync<List<JsonElement>>("/api/fund/admin/parked"))!.Where(p => p.GetProperty("key").GetString() == key)];

    private async Task<FundMember?> MemberAsync(string cityId)
    {
        await using var session = fund.Get<IDocumentStore>().QuerySession();
        return await session.LoadAsync<FundMember>(cityId);
    }
}
