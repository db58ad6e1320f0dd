using System.Net;
using CompensationFund.Tests.Support;
using Platform.Contracts;
using Platform.Contracts.Evaluation;
using Platform.Contracts.Trust;
using Platform.Testing;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Compensation;

/// <summary>Third-party money, earmarked or general; rewards and penalties of evaluation rounds; deposits by trust tier.</summary>
public sealed class IncentiveTests(FundFixture fund) : IClassFixture<FundFixture>
{
    [Fact]
    public async Task EarmarkedDepositIsRefusedForAnotherPurposeAndReleasedForItsOwn()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync();
        var deposit = await (await finance.PostAsync("/api/fund/third-party-deposits", new
        {
            donor = "Ministry of Emergency Management", amount = 1_000m, purpose = "flood-prevention", conditions = "upstream embankments only",
        })).JsonAsync(HttpStatusCode.Created);
        var id = deposit.GetProperty("id").GetGuid();
        var earmark = deposit.GetProperty("account").GetString()!;

        var refused = await (await finance.PostAsync($"/api/fund/third-party-deposits/{id}/releases", new { cityId = city, amount = 100m, purpose = "training", reason = "drill" }))
            .JsonAsync(HttpStatusCode.UnprocessableEntity);
        var tooMuch = await finance.PostAsync($"/api/fund/third-party-deposits/{id}/releases", new { cityId = city, amount = 1_000.01m, purpose = "flood-prevention", reason = "works" });
        var released = await (await finance.PostAsync($"/api/fund/third-party-deposits/{id}/releases", new { cityId = city, amount = 400m, purpose = "flood-prevention", reason = "embankment at km 12" }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Contains("earmarked for 'flood-prevention'", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        Assert.Equal(400m, released.GetProperty("released").GetDecimal());
        Assert.Equal(600m, await finance.BalanceAsync(earmark));
        Assert.Equal(400m, await finance.BalanceAsync($"city:{city}:compensation-payable"));
        await (await finance.PostAsync("/api/fund/payouts", new { cityId = city, amount = 400m })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await finance.PostAsync("/api/fund/payouts", new { cityId = city, amount = 0.01m })).StatusCode);
    }

    [Fact]
    public async Task ReliableRoundPaysRewardsFromTheIncentivePoolAndChargesPenaltiesAnUnreliableOneNothing()
    {
        using var finance = fund.Finance();
        var (good, poor) = (await fund.NewCityAsync("good"), await fund.NewCityAsync("poor"));
        await (await finance.PostAsync("/api/fund/third-party-deposits", new { donor = "Provincial fund", amount = 500m, purpose = "general" })).JsonAsync(HttpStatusCode.Created);
        var incentives = await finance.BalanceAsync("fund:third-party");
        var unreliable = Round(false, good, poor);
        var reliable = Round(true, good, poor);

        await fund.PublishAsync(Topics.Evaluation, unreliable.RoundId.ToString(), unreliable);
        await fund.PublishAsync(Topics.Evaluation, reliable.RoundId.ToString(), reliable);
        await Eventually.Until(async () => await finance.BalanceAsync($"city:{poor}:penalties-receivable") > 0, because: "the reliable round's penalty");

        Assert.Equal(30m, await finance.BalanceAsync($"city:{poor}:penalties-receivable"));
        Assert.Equal(incentives - 200m, await finance.BalanceAsync("fund:third-party"));
        var members = await (await finance.GetAsync("/api/fund/members?pageSize=200")).JsonAsync(HttpStatusCode.OK);
        var graded = members.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("cityId").GetString() == good);
        Assert.Equal("优", graded.GetProperty("latestGrade").GetString());
        var obligations = await (await finance.GetAsync($"/api/fund/obligations?cityId={poor}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("penalty", Assert.Single(obligations.GetProperty("items").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task DepositRequiredGrowsAsTrustFalls()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync();
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", $"city:{city}:deposits-held", 400_000m))).JsonAsync(HttpStatusCode.Created);

        await fund.PublishAsync(Topics.TrustScore, city, new TrustTierChanged(city, "M", "C", 0.55, 0.1, false, DateTimeOffset.UtcNow));
        var deposit = await Eventually.Until(
            async () => await (await finance.GetAsync($"/api/fund/members/{city}/deposit")).JsonAsync(HttpStatusCode.OK),
            d => d.GetProperty("tier").GetString() == "C", because: "the tier change");

        Assert.Equal((1_500_000m, 400_000m, 1_100_000m), (deposit.GetProperty("required").GetDecimal(), deposit.GetProperty("held").GetDecimal(), deposit.GetProperty("shortfall").GetDecimal()));
        using var other = fund.City("someone-else");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/fund/members/{city}/deposit")).StatusCode);
    }

    private static EvaluationPublished Round(bool reliable, string good, string poor) => new(
        Guid.NewGuid(), "participant", null, "2026-H1", reliable, "CNY",
        [new CityEvaluationResult(good, 93.5m, "优", 200m, null), new CityEvaluationResult(poor, 55m, "差", null, 30m)],
        DateTimeOffset.UtcNow);
}
