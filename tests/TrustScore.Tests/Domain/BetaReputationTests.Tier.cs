using TrustScore.Api.Domain;

namespace TrustScore.Tests.Domain;

/// <summary>The tiers of domain.md §4.3: A ≥ 0.9, B ≥ 0.7, C ≥ 0.4, D below, M without enough evidence.</summary>
public sealed partial class BetaReputationTests
{
    private const double Ample = 100;

    [Theory]
    [InlineData(0.9, TrustTier.A)]
    [InlineData(0.8999, TrustTier.B)]
    [InlineData(0.7, TrustTier.B)]
    [InlineData(0.6999, TrustTier.C)]
    [InlineData(0.4, TrustTier.C)]
    [InlineData(0.3999, TrustTier.D)]
    public void EachThresholdBelongsToTheTierItOpens(double score, TrustTier tier)
    {
        Assert.Equal(tier, BetaReputation.Tier(score, Ample, severeDefault: false));
    }

    [Theory]
    [InlineData(8, 0, TrustTier.A)]
    [InlineData(6, 2, TrustTier.B)]
    [InlineData(3, 5, TrustTier.C)]
    [InlineData(2, 6, TrustTier.D)]
    public void ScoresLandingExactlyOnAThresholdGetThatTier(double r, double s, TrustTier tier)
    {
        // (8+1)/10, (6+1)/10, (3+1)/10: the division lands on the same double as the threshold's literal.
        var (score, _) = BetaReputation.Score(r, s);

        Assert.Equal(tier, BetaReputation.Tier(score, r + s, severeDefault: false));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4.9999)]
    public void TooLittleEvidenceIsTierMWhateverTheScore(double evidenceWeight)
    {
        Assert.Equal(TrustTier.M, BetaReputation.Tier(0.95, evidenceWeight, severeDefault: false));
        Assert.Equal(TrustTier.M, BetaReputation.Tier(0.1, evidenceWeight, severeDefault: false));
    }

    [Fact]
    public void TheMinimumEvidenceItselfIsEnoughToBeRated()
    {
        Assert.Equal(TrustTier.C, BetaReputation.Tier(0.5, BetaReputation.MinimumEvidence, severeDefault: false));
    }

    [Fact]
    public void NoEvidenceIsTierM()
    {
        var (score, _) = BetaReputation.Score(0, 0);

        Assert.Equal(TrustTier.M, BetaReputation.Tier(score, 0, severeDefault: false));
    }

    [Theory]
    [InlineData(0.99, Ample)]
    [InlineData(0.9, Ample)]
    [InlineData(0.5, 0)]
    public void SevereDefaultIsTierDEvenWithAHighScoreOrNoEvidence(double score, double evidenceWeight)
    {
        Assert.Equal(TrustTier.D, BetaReputation.Tier(score, evidenceWeight, severeDefault: true));
    }
}
