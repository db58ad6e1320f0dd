using CompensationFund.Api.Domain.Compensation;

namespace CompensationFund.Tests.Domain.Compensation;

/// <summary>Rewards are paid from the incentive pool as far as it goes, pro rata when short, never to trust tier D.</summary>
public sealed class RewardRuleTests
{
    [Fact]
    public void ACityAwardedNothingIsNotListed() =>
        Assert.Equal(["a"], RewardRule.Pay([("a", 100, "A"), ("z", 0, "A")], 1_000).Select(p => p.CityId));

    [Fact]
    public void APoolThatCoversEveryRewardExactlyPaysThemInFull()
    {
        var paid = RewardRule.Pay([("a", 600, "A"), ("b", 400, "B")], 1_000);

        Assert.Equal([(600L, 600L), (400L, 400L)], paid.Select(p => (p.Awarded, p.Paid)));
        Assert.All(paid, p => Assert.Null(p.Note));
    }

    [Fact]
    public void AShortPoolPaysProRataAndSaysWhy()
    {
        var paid = RewardRule.Pay([("a", 600, "A"), ("b", 400, "B")], 500);

        Assert.Equal([300L, 200L], paid.Select(p => p.Paid));
        Assert.All(paid, p => Assert.Equal("incentive pool had 5.00 for 10.00 awarded: paid pro rata", p.Note));
    }

    [Fact]
    public void TierDIsTheOnlyIneligibleTierAndDoesNotShrinkTheOthers()
    {
        var paid = RewardRule.Pay([("a", 600, "A"), ("c", 400, "C"), ("d", 900, "D")], 1_000);

        Assert.Equal([600L, 400L, 0L], paid.Select(p => p.Paid));
        Assert.Equal("trust tier D: not eligible for incentive money", paid[2].Note);
        Assert.Equal(900, paid[2].Awarded);
    }

    [Fact]
    public void AnOverdrawnPoolPaysNothing() =>
        Assert.All(RewardRule.Pay([("a", 600, "A")], -10), p => Assert.Equal(0, p.Paid));
}
