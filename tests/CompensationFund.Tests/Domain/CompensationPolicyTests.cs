using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Ledger;
using CsCheck;

namespace CompensationFund.Tests.Domain;

/// <summary>Compensation policy v1, rewards from the incentive pool, and earmarks.</summary>
public sealed class CompensationPolicyTests
{
    private static readonly CompensationPolicy Policy = CompensationPolicy.V1;

    [Theory]
    [InlineData("B", null, 300_000)]
    [InlineData("A", "优", 432_000)]
    [InlineData("C", "差", 192_000)]
    [InlineData("D", "优", 0)]
    [InlineData("M", "unknown-grade", 300_000)]
    public void RateTimesBurdenTimesTierTimesGrade(string tier, string? grade, long expected) =>
        Assert.Equal(expected, Policy.Propose([new("a", 1_000_000, tier, grade)], long.MaxValue)[0].Proposed);

    [Fact]
    public void RoundedDownToTheFenAndCappedPerCity()
    {
        Assert.Equal(33, Policy.Propose([new("a", 111, "B", null)], long.MaxValue)[0].Computed);
        var huge = Policy.Propose([new("a", 100_000_000_000, "A", "优")], long.MaxValue)[0];
        Assert.Equal(Policy.CapPerCity, huge.Proposed);
        Assert.Contains(huge.Steps, s => s.Contains("capped", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenThePoolIsShortProposalsScaleProRataAndTheShortfallIsReported() =>
        Gen.Select(Gen.Long[1, 100_000_000].Array[1, 6], Gen.Long[0, 50_000_000]).Sample((burdens, pool) =>
        {
            var proposals = Policy.Propose([.. burdens.Select((b, i) => new CompensationBasis($"c{i}", b, "B", null))], pool);
            var computed = proposals.Sum(p => p.Computed);
            Assert.Equal(Math.Min(computed, pool), proposals.Sum(p => p.Proposed));
            Assert.All(proposals, p => Assert.Equal(p.Computed - p.Proposed, p.Shortfall));
            Assert.All(proposals, p => Assert.InRange(p.Proposed, 0, p.Computed));
        });

    [Fact]
    public void HoldBackIsTenPercentRoundedDown() => Assert.Equal(12_345, Policy.HoldBack(123_459));

    [Fact]
    public void RewardsArePaidAsFarAsTheIncentivePoolGoesAndNeverToTierD()
    {
        var paid = RewardRule.Pay([("a", 600, "A"), ("b", 400, "B"), ("d", 500, "D")], 500);

        Assert.Equal([("a", 300L), ("b", 200L), ("d", 0L)], paid.Select(p => (p.CityId, p.Paid)));
        Assert.All(paid, p => Assert.NotNull(p.Note));
        Assert.All(RewardRule.Pay([("a", 600, "A")], 1_000), p => Assert.Equal((600L, null), (p.Paid, p.Note)));
    }

    [Fact]
    public void EarmarkedMoneyIsReleasedOnlyForItsPurpose()
    {
        var deposit = new ThirdPartyDeposit { Id = Guid.NewGuid(), Donor = "Ministry", Purpose = "flood-prevention", Conditions = "upstream works only" };

        deposit.EnsureReleasableFor(" Flood-Prevention ");
        var refused = Assert.Throws<FundRuleException>(() => deposit.EnsureReleasableFor("training"));
        Assert.Contains("earmarked for 'flood-prevention'", refused.Message, StringComparison.Ordinal);
        Assert.Throws<FundRuleException>(() => new ThirdPartyDeposit { Purpose = ThirdPartyDeposit.GeneralPurpose }.EnsureReleasableFor("general"));
    }
}
