using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Tests.Domain.Contributions;

/// <summary>How a formula is named on the call, which weights it takes, and when it has none to split by.</summary>
public sealed class ContributionFormulaTests
{
    private static readonly MemberSize[] Members = [new("big", 3_000_000, 100m), new("small", 1_000_000, 300m)];

    [Fact]
    public void AFormulaIsNamedWithItsRatiosInCityOrder()
    {
        Assert.Equal("fixed-ratios 1:5:4", new ContributionFormula(FormulaKind.FixedRatios, new Dictionary<string, decimal> { ["guizhou"] = 5, ["sichuan"] = 4, ["chongqing"] = 1 }).Name);
        Assert.Equal("population", new ContributionFormula(FormulaKind.Population).Name);
        Assert.Equal("gdp", new ContributionFormula(FormulaKind.Gdp).Name);
    }

    [Fact]
    public void FixedRatiosAreTheAgreedRatiosWhateverTheMembers() =>
        Assert.Equal(
            [new SplitWeight("a", 1), new SplitWeight("b", 3)],
            new ContributionFormula(FormulaKind.FixedRatios, new Dictionary<string, decimal> { ["a"] = 1, ["b"] = 3 }).Weights(Members));

    [Fact]
    public void PopulationAndGdpWeighEachMember()
    {
        Assert.Equal([new SplitWeight("big", 3_000_000), new SplitWeight("small", 1_000_000)], new ContributionFormula(FormulaKind.Population).Weights(Members));
        Assert.Equal([new SplitWeight("big", 100m), new SplitWeight("small", 300m)], new ContributionFormula(FormulaKind.Gdp).Weights(Members));
    }

    [Fact]
    public void FixedRatiosWithoutRatiosHaveNoWeights()
    {
        // The API asks for ratios first; the domain still refuses, rather than failing while naming the formula.
        var refused = Assert.Throws<FundRuleException>(() => new ContributionFormula(FormulaKind.FixedRatios).Weights(Members));

        Assert.Equal("No weights", refused.Title);
    }

    [Fact]
    public void ANegativeWeightIsRefusedEvenBesidePositiveOnes()
    {
        var refused = Assert.Throws<FundRuleException>(() =>
            new ContributionFormula(FormulaKind.FixedRatios, new Dictionary<string, decimal> { ["a"] = 5, ["b"] = -1 }).Weights([]));

        Assert.Equal(("No weights", false), (refused.Title, refused.IsConflict));
        Assert.Equal("The fixed-ratios 5:-1 formula needs at least one member with a positive weight and none negative.", refused.Message);
    }

    [Fact]
    public void AZeroWeightBesideAPositiveOneIsAllowedButAllZeroIsNot()
    {
        Assert.Equal(2, new ContributionFormula(FormulaKind.Population).Weights([new("a", 0, 0), new("b", 1, 0)]).Count);
        Assert.Equal(
            "The gdp formula needs at least one member with a positive weight and none negative.",
            Assert.Throws<FundRuleException>(() => new ContributionFormula(FormulaKind.Gdp).Weights([new("a", 5, 0), new("b", 5, 0)])).Message);
    }

    [Fact]
    public void NoMembersNoWeights() =>
        Assert.Throws<FundRuleException>(() => new ContributionFormula(FormulaKind.Population).Split(100, []));
}
