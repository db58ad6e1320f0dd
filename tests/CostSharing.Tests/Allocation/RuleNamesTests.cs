using CostSharing.Api.Domain.Allocation;
using Xunit;

namespace CostSharing.Tests.Allocation;

/// <summary>The wire names of rules, keys, caps and sides, and what a party gives for each key and cap.</summary>
public sealed class RuleNamesTests
{
    [Fact]
    public void EveryEnumValueHasOneWireNameThatReadsBack()
    {
        Assert.All(Enum.GetValues<RuleKind>(), v => Assert.Equal(v, RuleNames.Rules[RuleNames.Of(v)]));
        Assert.All(Enum.GetValues<AllocationKey>(), v => Assert.Equal(v, RuleNames.Keys[RuleNames.Of(v)]));
        Assert.All(Enum.GetValues<CapKind>(), v => Assert.Equal(v, RuleNames.Caps[RuleNames.Of(v)]));
        Assert.All(Enum.GetValues<Side>(), v => Assert.Equal(v, RuleNames.Sides[RuleNames.Of(v)]));
        Assert.Equal(["origin-primary", "proportional", "scrb", "shapley"], RuleNames.Rules.Keys);
        Assert.Equal(["equal", "population-exposed", "damage-avoided", "declared-exposure"], RuleNames.Keys.Keys);
        Assert.Equal(["none", "benefit", "stand-alone-cost"], RuleNames.Caps.Keys);
        Assert.Equal(["origin", "affected"], RuleNames.Sides.Keys);
    }

    [Fact]
    public void DescriptionNamesTheRuleWithItsParameters()
    {
        Assert.Equal("origin-primary α=0.7 key=population-exposed cap=none", RuleNames.Describe(AllocationRule.OriginPrimary(0.7m, AllocationKey.PopulationExposed)));
        Assert.Equal("proportional key=declared-exposure cap=benefit", RuleNames.Describe(AllocationRule.Proportional(AllocationKey.DeclaredExposure, CapKind.Benefit)));
        Assert.Equal("scrb cap=stand-alone-cost", RuleNames.Describe(AllocationRule.Scrb(CapKind.StandAloneCost)));
        Assert.Equal("shapley cap=none", RuleNames.Describe(AllocationRule.Shapley()));
    }

    [Fact]
    public void PartyGivesTheValueOfEachKeyAndCap()
    {
        var party = new AllocationParty("c", Side.Affected, PopulationExposed: 7, DamageAvoided: 8.5m, DeclaredExposure: 9.25m, StandAloneCost: 10m);

        Assert.Equal(
            [1m, 7m, 8.5m, 9.25m],
            new[] { AllocationKey.Equal, AllocationKey.PopulationExposed, AllocationKey.DamageAvoided, AllocationKey.DeclaredExposure }.Select(k => party.KeyValue(k)));
        Assert.Equal([null, 8.5m, 10m], new[] { CapKind.None, CapKind.Benefit, CapKind.StandAloneCost }.Select(c => party.CapValue(c)));
        Assert.Null(new AllocationParty("bare", Side.Origin).KeyValue(AllocationKey.PopulationExposed));
    }
}
