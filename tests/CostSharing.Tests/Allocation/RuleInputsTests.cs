using CostSharing.Api.Domain.Allocation;
using Xunit;

namespace CostSharing.Tests.Allocation;

/// <summary>Inputs a rule needs are checked when an incident opens, so a bad incident is refused then (domain.md §4.2).</summary>
public sealed class RuleInputsTests
{
    private static readonly AllocationParty Origin = new("origin", Side.Origin, ContributionWeight: 1m);

    [Fact]
    public void CompleteOriginPrimaryInputsPass() =>
        Assert.Empty(RuleInputs.Check(
            AllocationRule.OriginPrimary(0.7m, AllocationKey.PopulationExposed),
            [Origin, new("down", Side.Affected, PopulationExposed: 10)]));

    [Fact]
    public void OriginPrimaryWithoutAnOriginCityIsRefused() =>
        Assert.Equal(
            ["The origin-primary rule needs at least one origin city."],
            RuleInputs.Check(AllocationRule.OriginPrimary(0.7m, AllocationKey.Equal), [new("down", Side.Affected)]));

    [Fact]
    public void MissingContributionWeightsAreNamed() =>
        Assert.Equal(
            ["No contribution weight given for o2, o3."],
            RuleInputs.Check(AllocationRule.OriginPrimary(0.7m, AllocationKey.Equal), [Origin, new("o2", Side.Origin), new("o3", Side.Origin)]));

    [Fact]
    public void AffectedKeySummingToZeroIsRefusedWithTheKeyName() =>
        Assert.Equal(
            ["The damage-avoideds of the affected cities sum to zero, so their share cannot be split."],
            RuleInputs.Check(
                AllocationRule.OriginPrimary(0.6m, AllocationKey.DamageAvoided),
                [Origin, new("a", Side.Affected, DamageAvoided: 0m), new("b", Side.Affected, DamageAvoided: 0m)]));

    [Fact]
    public void AffectedKeyIsNotNeededWhenTheOriginPaysEverything() =>
        Assert.Empty(RuleInputs.Check(AllocationRule.OriginPrimary(1m, AllocationKey.DeclaredExposure), [Origin, new("down", Side.Affected)]));

    [Fact]
    public void AffectedKeyIsNeededBelowAnOriginShareOfOne() =>
        Assert.Equal(
            ["No declared-exposure given for down."],
            RuleInputs.Check(AllocationRule.OriginPrimary(0.99m, AllocationKey.DeclaredExposure), [Origin, new("down", Side.Affected)]));

    [Fact]
    public void ProportionalNeedsTheKeyFromEveryoneWhateverTheSide()
    {
        var rule = AllocationRule.Proportional(AllocationKey.PopulationExposed);

        Assert.Equal(["No population-exposed given for origin."], RuleInputs.Check(rule, [Origin, new("down", Side.Affected, PopulationExposed: 5)]));
        Assert.Equal(
            ["The population-exposeds of the participating cities sum to zero, so their share cannot be split."],
            RuleInputs.Check(rule, [Origin with { PopulationExposed = 0 }]));
        Assert.Empty(RuleInputs.Check(rule, [Origin with { PopulationExposed = 1 }]));
    }

    [Theory]
    [InlineData(null, 50.0, null, false)]
    [InlineData(10.0, null, null, false)]
    [InlineData(10.0, 10.0, null, true)]
    [InlineData(10.0, null, 10.0, true)]
    [InlineData(10.0, 9.99, null, false)]
    [InlineData(10.0, null, 9.99, false)]
    [InlineData(10.0, 50.0, 9.99, false)]
    [InlineData(10.0, 9.99, 50.0, false)]
    public void ScrbNeedsASeparableCostAndALimitAtLeastAsLarge(double? separable, double? benefit, double? standAlone, bool valid)
    {
        var party = new AllocationParty(
            "river", Side.Origin, SeparableCost: (decimal?)separable, DamageAvoided: (decimal?)benefit, StandAloneCost: (decimal?)standAlone);

        var errors = RuleInputs.Check(AllocationRule.Scrb(), [party, new("sea", Side.Affected, SeparableCost: 0m, DamageAvoided: 1m)]);

        Assert.Equal(
            valid ? [] : ["SCRB needs river's separable cost and a benefit (damage avoided) or stand-alone cost at least as large."],
            errors);
    }

    [Fact]
    public void ShapleyNeedsEveryStandAloneCostAndOneAboveZero()
    {
        var rule = AllocationRule.Shapley();

        Assert.Equal(
            ["The Shapley rule needs b's stand-alone cost (its need level)."],
            RuleInputs.Check(rule, [new("a", Side.Origin, StandAloneCost: 3m), new("b", Side.Affected)]));
        Assert.Equal(
            ["Every stand-alone cost is zero, so the Shapley values cannot split the cost."],
            RuleInputs.Check(rule, [new("a", Side.Origin, StandAloneCost: 0m), new("b", Side.Affected, StandAloneCost: 0m)]));
        Assert.Empty(RuleInputs.Check(rule, [new("a", Side.Origin, StandAloneCost: 0m), new("b", Side.Affected, StandAloneCost: 0.01m)]));
    }
}
