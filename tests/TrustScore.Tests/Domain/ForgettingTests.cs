using CsCheck;
using TrustScore.Api.Domain;

namespace TrustScore.Tests.Domain;

/// <summary>Forgetting over time (domain.md §4.3): older evidence decays, and a score fades toward the neutral prior.</summary>
public sealed class ForgettingTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EvidenceOneHalfLifeOldKeepsHalfItsWeight()
    {
        var forgetting = Forgetting.FromHalfLife(90);

        Assert.Equal(0.5, forgetting.Decay(Now.AddDays(-90), Now), 1e-12);
        Assert.Equal(0.25, forgetting.Decay(Now.AddDays(-180), Now), 1e-12);
    }

    [Fact]
    public void EvidenceFromNowOrTheFutureIsNotDecayed()
    {
        Assert.Equal(1, Forgetting.Default.Decay(Now, Now));
        Assert.Equal(1, Forgetting.Default.Decay(Now.AddDays(1), Now));
    }

    [Fact]
    public void LambdaAndHalfLifeDescribeTheSameForgetting()
    {
        var fromLambda = Forgetting.FromLambda(Forgetting.FromHalfLife(30).LambdaPerDay);

        Assert.Equal(30, fromLambda.HalfLifeDays, 1e-9);
        Assert.Equal(1, Forgetting.FromLambda(1).LambdaPerDay);
        Assert.Equal(1, Forgetting.None.Decay(Now.AddYears(-10), Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void RefusesAHalfLifeThatIsNotPositive(double halfLife)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Forgetting.FromHalfLife(halfLife));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.01)]
    public void RefusesALambdaOutsideZeroToOne(double lambda)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Forgetting.FromLambda(lambda));
    }

    [Fact]
    public void DecayMovesEveryScoreTowardThePriorAndRaisesUncertainty()
    {
        Gen.Select(Gen.Double[0, 100], Gen.Double[0, 100], Gen.Int[1, 2000]).Sample((r, s, days) =>
        {
            var k = Forgetting.Default.Decay(Now.AddDays(-days), Now);
            var (fresh, freshU) = BetaReputation.Score(r, s);
            var (decayed, decayedU) = BetaReputation.Score(k * r, k * s);

            Assert.True(Math.Abs(decayed - 0.5) <= Math.Abs(fresh - 0.5) + 1e-12);
            Assert.True(decayedU >= freshU - 1e-12);
        });
    }
}
