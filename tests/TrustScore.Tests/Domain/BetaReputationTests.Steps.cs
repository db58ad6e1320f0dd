using CsCheck;
using TrustScore.Api.Domain;

namespace TrustScore.Tests.Domain;

/// <summary>The step-wise recursion of domain.md §4.3 that the calculator runs: r ← λ·r + w·f, s ← λ·s + w·(1−f).</summary>
public sealed partial class BetaReputationTests
{
    [Fact]
    public void EightDecayedOutcomesOfTheDomainExampleGiveItsRAndSAndScore()
    {
        Outcome[] outcomes = [.. new[] { 1, 1, 1, 0, 1, 1, 0, 0 }.Select(f => new Outcome(1, f))];

        var (r, s) = BetaReputation.Accumulate(0.9, outcomes);
        var (score, uncertainty) = BetaReputation.Score(r, s);

        Assert.Equal(3.139, r, 0.0005);
        Assert.Equal(2.556, s, 0.0005);
        Assert.Equal(0.538, score, 0.0005);
        Assert.Equal(2 / (r + s + 2), uncertainty, 1e-12);
        Assert.Equal(TrustTier.C, BetaReputation.Tier(BetaReputation.Published(score), r + s, severeDefault: false));
    }

    [Fact]
    public void EightKeptAndTwoBrokenWithoutForgettingScoreThreeQuartersTierB()
    {
        Outcome[] outcomes = [.. Enumerable.Repeat(new Outcome(1, 1), 8), new Outcome(1, 0), new Outcome(1, 0)];

        var (r, s) = BetaReputation.Accumulate(1, outcomes);

        Assert.Equal((8, 2), (r, s));
        Assert.Equal(0.75, BetaReputation.Score(r, s).Score, 1e-12);
        Assert.Equal(TrustTier.B, BetaReputation.Tier(0.75, r + s, severeDefault: false));
    }

    [Fact]
    public void PartialFulfilmentSplitsTheWeightBetweenRAndS()
    {
        var (r, s) = BetaReputation.Accumulate(1, [new Outcome(2, 0.25)]);

        Assert.Equal(0.5, r, 1e-12);
        Assert.Equal(1.5, s, 1e-12);
    }

    [Fact]
    public void WithoutForgettingTheRecursionIsThePlainSum()
    {
        Gen.Select(Gen.Double[0, 10], Gen.Double[0, 1]).Select((w, f) => new Outcome(w, f)).Array[0, 30].Sample(outcomes =>
        {
            var (r, s) = BetaReputation.Accumulate(1, outcomes);

            Assert.Equal(outcomes.Sum(o => o.Weight * o.Fulfilment), r, 1e-9);
            Assert.Equal(outcomes.Sum(o => o.Weight * (1 - o.Fulfilment)), s, 1e-9);
        });
    }

    [Fact]
    public void AppendingAKeptCommitmentNeverLowersTheScoreAndABrokenOneNeverRaisesIt()
    {
        Gen.Select(Gen.Double[0.5, 1], Gen.Select(Gen.Double[0, 10], Gen.Double[0, 1]).Select((w, f) => new Outcome(w, f)).Array[0, 20], Gen.Double[0.01, 10])
            .Sample((lambda, history, weight) =>
            {
                var before = BetaReputation.Score(BetaReputation.Accumulate(lambda, history).R, BetaReputation.Accumulate(lambda, history).S).Score;
                var kept = BetaReputation.Accumulate(lambda, [.. history, new Outcome(weight, 1)]);
                var broken = BetaReputation.Accumulate(lambda, [.. history, new Outcome(weight, 0)]);

                // A step also decays the past, which moves the score toward ½; keeping the new commitment must still beat breaking it.
                Assert.True(BetaReputation.Score(kept.R, kept.S).Score > BetaReputation.Score(broken.R, broken.S).Score);
                Assert.True(BetaReputation.Score(kept.R, kept.S).Score >= Math.Min(before, 0.5) - 1e-12);
                Assert.True(BetaReputation.Score(broken.R, broken.S).Score <= Math.Max(before, 0.5) + 1e-12);
            });
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void RefusesAForgettingFactorOutsideZeroToOne(double lambda)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BetaReputation.Accumulate(lambda, [new Outcome(1, 1)]));
    }

    [Theory]
    [InlineData(1, -0.1)]
    [InlineData(1, 1.5)]
    [InlineData(-1, 0.5)]
    public void RefusesAnOutcomeWithANegativeWeightOrAFulfilmentOutsideZeroToOne(double weight, double fulfilment)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BetaReputation.Accumulate(0.9, [new Outcome(weight, fulfilment)]));
    }
}
