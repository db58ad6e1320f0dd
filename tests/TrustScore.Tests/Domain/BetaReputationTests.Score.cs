using TrustScore.Api.Domain;

namespace TrustScore.Tests.Domain;

/// <summary>The score and uncertainty of domain.md §4.3.</summary>
public sealed partial class BetaReputationTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void EightKeptAndTwoBrokenScoreThreeQuarters()
    {
        var (score, _) = BetaReputation.Score(8, 2);

        Assert.Equal(0.75, score, Tolerance);
    }

    [Fact]
    public void DecayedEvidenceOfTheDomainExampleScoresAboutPointFiveFourThree()
    {
        // domain.md §4.3: outcomes 1,1,1,0,1,1,0,0 with λ = 0.9 per step leave r ≈ 3.139, s ≈ 2.556, E ≈ 0.538.
        var (score, _) = BetaReputation.Score(3.139, 2.556);

        Assert.Equal(0.538, score, 0.0005);
    }

    [Fact]
    public void NoEvidenceIsTheNeutralPriorWithFullUncertainty()
    {
        var (score, uncertainty) = BetaReputation.Score(0, 0);

        Assert.Equal(0.5, score);
        Assert.Equal(1.0, uncertainty);
    }

    [Fact]
    public void UncertaintyIsTwoOverTheEvidencePlusTwo()
    {
        var (_, uncertainty) = BetaReputation.Score(8, 2);

        Assert.Equal(2.0 / 12.0, uncertainty, Tolerance);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -0.5)]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.PositiveInfinity)]
    public void RefusesEvidenceThatIsNegativeOrNotFinite(double r, double s)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BetaReputation.Score(r, s));
    }

    [Theory]
    [InlineData(0.53794, 0.5379)]
    [InlineData(0.53795, 0.538)]
    [InlineData(0.89996, 0.9)]
    public void PublishesScoresRoundedToFourDecimals(double value, double published)
    {
        Assert.Equal(published, BetaReputation.Published(value));
    }
}
