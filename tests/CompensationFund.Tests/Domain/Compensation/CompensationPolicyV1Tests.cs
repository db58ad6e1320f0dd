using CompensationFund.Api.Domain.Compensation;

namespace CompensationFund.Tests.Domain.Compensation;

/// <summary>
/// Compensation policy version 1 in detail: every grade's multiplier, the caps, the explanation each city is given, and
/// the pro-rata scaling only when the pool cannot cover every proposal.
/// </summary>
public sealed class CompensationPolicyV1Tests
{
    private static readonly CompensationPolicy Policy = CompensationPolicy.V1;

    private static CompensationComputation One(CompensationBasis basis, long pool = long.MaxValue) => Assert.Single(Policy.Propose([basis], pool));

    [Fact]
    public void TheProposalsCiteThePolicyByNameAndVersion() =>
        Assert.Equal(("compensation-policy", 1), (Policy.Name, Policy.Version));

    [Theory]
    [InlineData("优", 1.2)]
    [InlineData("excellent", 1.2)]
    [InlineData("良", 1.1)]
    [InlineData("good", 1.1)]
    [InlineData("中", 1.0)]
    [InlineData("fair", 1.0)]
    [InlineData("差", 0.8)]
    [InlineData("poor", 0.8)]
    public void EveryGradeScalesCompensationInChineseOrEnglish(string grade, double multiplier)
    {
        var computed = One(new("a", 1_000_000, "B", grade));

        Assert.Equal((decimal)multiplier, computed.GradeMultiplier);
        Assert.Equal((long)(300_000 * (decimal)multiplier), computed.Computed);
    }

    [Theory]
    [InlineData("A", 1.2)]
    [InlineData("B", 1.0)]
    [InlineData("C", 0.8)]
    [InlineData("D", 0.0)]
    [InlineData("M", 1.0)]
    [InlineData("unheard-of", 1.0)]
    public void AnUnknownTierCountsAsInsufficientEvidence(string tier, double multiplier) =>
        Assert.Equal((decimal)multiplier, One(new("a", 1_000_000, tier, null)).TierMultiplier);

    [Fact]
    public void TheExplanationShowsTheFormulaWithItsInputs()
    {
        var computed = One(new("a", 1_000_000, "A", "良"));

        Assert.Equal(["0.30 × burden 10000.00 × tier A 1.2 × grade 良 1.1 = 3960.00 (rounded down to the fen)"], computed.Steps);
        Assert.Equal((1_000_000L, 396_000L, 396_000L, 0L), (computed.Burden, computed.Computed, computed.Proposed, computed.Shortfall));
        Assert.Contains("grade none 1.0", One(new("a", 100, "B", null)).Steps[0], StringComparison.Ordinal);
    }

    [Fact]
    public void CompensationNeverExceedsTheBurdenItself()
    {
        var generous = Policy with { Rate = 2m };

        var computed = Assert.Single(generous.Propose([new("a", 1_000, "B", null)], long.MaxValue));

        Assert.Equal(1_000, computed.Proposed);
        Assert.Equal("capped at 10.00 (the burden and the cap of 5000000.00 per city)", computed.Steps[1]);
    }

    [Fact]
    public void AnAmountExactlyAtTheCapIsNotReportedAsCapped()
    {
        var capAtResult = Policy with { CapPerCity = 300_000 };

        var computed = Assert.Single(capAtResult.Propose([new("a", 1_000_000, "B", null)], long.MaxValue));

        Assert.Equal(300_000, computed.Proposed);
        Assert.Single(computed.Steps);
    }

    [Fact]
    public void APoolThatCoversEveryProposalExactlyScalesNothing()
    {
        var proposals = Policy.Propose([new("a", 1_000_000, "B", null), new("b", 500_000, "B", null)], 450_000);

        Assert.Equal([300_000L, 150_000L], proposals.Select(p => p.Proposed));
        Assert.All(proposals, p => Assert.Single(p.Steps));
    }

    [Fact]
    public void AShortPoolIsSharedProRataAndEachCityIsToldItsShortfall()
    {
        var proposals = Policy.Propose([new("a", 1_000_000, "B", null), new("b", 500_000, "B", null)], 300_000);

        Assert.Equal([(200_000L, 100_000L), (100_000L, 50_000L)], proposals.Select(p => (p.Proposed, p.Shortfall)));
        Assert.Equal(
            "pool has 3000.00 for 4500.00 proposed: scaled pro rata (largest remainder) to 2000.00, short 1000.00",
            proposals[0].Steps[^1]);
    }

    [Fact]
    public void ACityWithNothingComputedGetsNothingWhenThePoolIsShort()
    {
        var proposals = Policy.Propose([new("a", 1_000_000, "B", null), new("d", 1_000_000, "D", null)], 100);

        Assert.Equal([100L, 0L], proposals.Select(p => p.Proposed));
        Assert.Equal(0, proposals[1].Shortfall);
    }

    [Fact]
    public void AnOverdrawnPoolProposesNothingAndReportsEverythingShort()
    {
        var proposals = Policy.Propose([new("a", 1_000_000, "B", null)], -5_000);

        Assert.Equal((0L, 300_000L), (proposals[0].Proposed, proposals[0].Shortfall));
    }

    [Fact]
    public void WhenNothingIsComputedThereIsNothingToScaleWhateverThePool()
    {
        var proposals = Policy.Propose([new("d", 1_000_000, "D", null), new("z", 0, "B", null)], -5_000);

        Assert.All(proposals, p => Assert.Equal((0L, 0L), (p.Proposed, p.Shortfall)));
        Assert.All(proposals, p => Assert.Single(p.Steps));
    }
}
