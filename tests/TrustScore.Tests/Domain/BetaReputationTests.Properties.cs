using TrustScore.Api.Domain;

namespace TrustScore.Tests.Domain;

/// <summary>What holds for every amount of evidence, checked over a grid of r and s.</summary>
public sealed partial class BetaReputationTests
{
    private static readonly double[] Evidence =
        [.. Enumerable.Range(0, 81).Select(i => i * 0.25), 37.5, 100, 1_000, 12_345.678, 1_000_000];

    [Fact]
    public void ScoreStaysStrictlyBetweenZeroAndOne()
    {
        foreach (var r in Evidence)
        {
            foreach (var s in Evidence)
            {
                var (score, uncertainty) = BetaReputation.Score(r, s);

                Assert.InRange(score, double.Epsilon, 1 - 1e-9);
                Assert.InRange(uncertainty, double.Epsilon, 1.0);
            }
        }
    }

    [Fact]
    public void UncertaintyFallsAsEitherKindOfEvidenceGrows()
    {
        foreach (var (smaller, larger) in Evidence.Zip(Evidence.Skip(1)))
        {
            foreach (var other in Evidence)
            {
                Assert.True(
                    BetaReputation.Score(larger, other).Uncertainty < BetaReputation.Score(smaller, other).Uncertainty,
                    $"u did not fall when r grew from {smaller} to {larger} with s = {other}");
                Assert.True(
                    BetaReputation.Score(other, larger).Uncertainty < BetaReputation.Score(other, smaller).Uncertainty,
                    $"u did not fall when s grew from {smaller} to {larger} with r = {other}");
            }
        }
    }

    [Fact]
    public void KeptCommitmentsRaiseTheScoreAndBrokenOnesLowerIt()
    {
        foreach (var (smaller, larger) in Evidence.Zip(Evidence.Skip(1)))
        {
            foreach (var other in Evidence)
            {
                Assert.True(BetaReputation.Score(larger, other).Score > BetaReputation.Score(smaller, other).Score);
                Assert.True(BetaReputation.Score(other, larger).Score < BetaReputation.Score(other, smaller).Score);
            }
        }
    }

    [Fact]
    public void EqualEvidenceBothWaysScoresOneHalf()
    {
        foreach (var evidence in Evidence)
        {
            Assert.Equal(0.5, BetaReputation.Score(evidence, evidence).Score, 1e-12);
        }
    }
}
