using CostSharing.Api.Domain.Allocation;
using Xunit;

namespace CostSharing.Tests.Allocation;

/// <summary>Separable costs – remaining benefits (domain.md §4.2).</summary>
public sealed partial class AllocationEngineTests
{
    /// <summary>
    /// Joint flood defence costing 100.00: separable costs 20, 30, 10 (ΣSC = 60, 40 left); justifiable
    /// J = min(benefit, stand-alone) = 40, 50, 30 → remaining benefits 20, 20, 20, so each takes a third
    /// of 40: 33.33…, 43.33…, 23.33…; the one fen left over goes to the largest share (equal remainders).
    /// </summary>
    [Fact]
    public void ScrbSplitsTheNonSeparableCostByRemainingBenefits()
    {
        AllocationParty[] parties =
        [
            new("a", Side.Origin, DamageAvoided: 45m, StandAloneCost: 40m, SeparableCost: 20m),
            new("b", Side.Affected, DamageAvoided: 50m, SeparableCost: 30m),
            new("c", Side.Affected, StandAloneCost: 30m, SeparableCost: 10m),
        ];

        var outcome = AllocationEngine.Allocate(AllocationRule.Scrb(), 100_00, parties);

        Assert.Equal([3_333L, 4_334, 2_333], outcome.Shares.Select(s => s.Fen));
        Assert.Equal(Fraction.Of(13_000, 3), outcome.Shares.Single(s => s.CityId == "b").Exact);
        Assert.Equal(["separable costs", "remaining benefits", "scrb shares"], outcome.Steps.Select(s => s.Name));
    }

    [Fact]
    public void ScrbWithTheNonSeparableRestZeroChargesSeparableCostsOnly()
    {
        var outcome = AllocationEngine.Allocate(AllocationRule.Scrb(), 60_00,
        [
            new("a", Side.Origin, DamageAvoided: 20m, SeparableCost: 20m),
            new("b", Side.Affected, DamageAvoided: 40m, SeparableCost: 40m),
        ]);

        Assert.Equal([2_000L, 4_000], outcome.Shares.Select(s => s.Fen));
    }

    [Fact]
    public void ScrbRefusesSeparableCostsAboveTheTotal()
    {
        var error = Assert.Throws<AllocationInputException>(() => AllocationEngine.Allocate(AllocationRule.Scrb(), 10_00,
            [new("a", Side.Origin, DamageAvoided: 50m, SeparableCost: 20m)]));

        Assert.Contains("separable costs", error.Message);
    }
}
