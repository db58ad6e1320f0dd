using CostSharing.Api.Domain.Allocation;
using Xunit;

namespace CostSharing.Tests.Allocation;

/// <summary>Every allocation keeps each step's exact amounts and the whole rounding (domain.md §4.2).</summary>
public sealed partial class AllocationEngineTests
{
    [Fact]
    public void OriginPrimaryStepsShowTheSidesThenEachSidesSplit()
    {
        var outcome = AllocationEngine.Allocate(AllocationRule.OriginPrimary(0.7m, AllocationKey.PopulationExposed), 10_00,
        [
            new("o2", Side.Origin, ContributionWeight: 2m), new("o1", Side.Origin, ContributionWeight: 1m),
            new("b", Side.Affected, PopulationExposed: 3), new("a", Side.Affected, PopulationExposed: 1),
        ]);

        AssertStep(outcome.Steps[0], "sides", "The origin side pays α = 0.7 of the net eligible cost, the affected side 1 − α.", ("origin", 700), ("affected", 300));
        AssertStep(outcome.Steps[1], "origin side", "Split among the origin cities by contribution weights.", ("o1", Fraction.Of(700, 3)), ("o2", Fraction.Of(1_400, 3)));
        AssertStep(outcome.Steps[2], "affected side", "Split among the affected cities by population-exposed.", ("a", 75), ("b", 225));
        Assert.Equal(3, outcome.Steps.Count);
    }

    [Fact]
    public void RoundingRecordShowsFloorsRemaindersRanksAndSideTotals()
    {
        var outcome = AllocationEngine.Allocate(AllocationRule.OriginPrimary(0.7m, AllocationKey.PopulationExposed), 10_00,
        [
            new("o2", Side.Origin, ContributionWeight: 2m), new("o1", Side.Origin, ContributionWeight: 1m),
            new("b", Side.Affected, PopulationExposed: 3), new("a", Side.Affected, PopulationExposed: 1),
        ]);

        Assert.Equal([new GroupRounding("origin", Fraction.From(700), 700), new GroupRounding("affected", Fraction.From(300), 300)], outcome.Rounding.Groups);
        Assert.Equal(
            [
                new RoundedShare("a", "affected", Fraction.From(75), 75, Fraction.Zero, null, false, 75),
                new RoundedShare("b", "affected", Fraction.From(225), 225, Fraction.Zero, null, false, 225),
                new RoundedShare("o1", "origin", Fraction.Of(700, 3), 233, Fraction.Of(1, 3), 2, false, 233),
                new RoundedShare("o2", "origin", Fraction.Of(1_400, 3), 466, Fraction.Of(2, 3), 1, true, 467),
            ],
            outcome.Rounding.Shares);
        Assert.Equal((10_00L, 233L), (outcome.Rounding.TotalFen, outcome.Rounding.FenOf("o1")));
        Assert.Equal([Fraction.From(75), Fraction.From(225), Fraction.Of(700, 3), Fraction.Of(1_400, 3)], outcome.Shares.Select(s => s.Exact));
        Assert.Contains("ties to the larger share (larger weight), then the smaller city id", RoundingRecord.Method);
    }

    [Fact]
    public void WithoutAffectedCitiesTheSidesStepSaysTheOriginPaysAll()
    {
        var outcome = AllocationEngine.Allocate(AllocationRule.OriginPrimary(0.7m, AllocationKey.Equal), 500, [new("o", Side.Origin, ContributionWeight: 1m)]);

        AssertStep(outcome.Steps[0], "sides", "No affected city: the origin side pays the whole net eligible cost.", ("origin", 500), ("affected", 0));
        Assert.Equal(["sides", "origin side"], outcome.Steps.Select(s => s.Name));
    }

    [Fact]
    public void ProportionalStepNamesTheKey()
    {
        var outcome = AllocationEngine.Allocate(AllocationRule.Proportional(AllocationKey.DeclaredExposure), 3_00,
            [new("x", Side.Origin, DeclaredExposure: 1m), new("y", Side.Affected, DeclaredExposure: 2m)]);

        AssertStep(Assert.Single(outcome.Steps), "proportional", "Every participant pays in proportion to its declared-exposure.", ("x", 100), ("y", 200));
    }

    [Fact]
    public void CapStepNamesTheCitiesAtTheirCapAndTheExcess()
    {
        var outcome = AllocationEngine.Allocate(AllocationRule.Proportional(AllocationKey.Equal, CapKind.Benefit), 100_00,
        [
            new("d", Side.Affected), new("b", Side.Affected, DamageAvoided: 10m), new("c", Side.Affected), new("a", Side.Affected, DamageAvoided: 12.5m),
        ]);

        // 25 each; a and b are over their caps by 12.50 + 15 = 27.50, which c and d take half each.
        AssertStep(outcome.Steps[^1], "cap round 1",
            "2 cities over the cap paid the cap; the excess of 27.5 yuan goes to the uncapped cities in proportion to their shares under the rule.",
            ("a", 1_250), ("b", 1_000));
        Assert.Equal([1_250L, 1_000, 3_875, 3_875], outcome.Shares.Select(s => s.Fen));
        Assert.Equal(2, outcome.Steps.Count);
    }

    [Fact]
    public void OneCityOverItsCapIsNamedInTheSingular()
    {
        var outcome = AllocationEngine.Allocate(AllocationRule.Proportional(AllocationKey.Equal, CapKind.Benefit), 90_00,
            [new("a", Side.Affected, DamageAvoided: 10m), new("b", Side.Affected, DamageAvoided: 1_000m), new("c", Side.Affected)]);

        AssertStep(outcome.Steps[^1], "cap round 1",
            "1 city over the cap paid the cap; the excess of 20 yuan goes to the uncapped cities in proportion to their shares under the rule.",
            ("a", 1_000));
    }

    [Fact]
    public void CapsAtOrAboveTheShareChangeNothing()
    {
        var outcome = AllocationEngine.Allocate(AllocationRule.Proportional(AllocationKey.Equal, CapKind.StandAloneCost), 20_00,
            [new("a", Side.Affected, StandAloneCost: 10m), new("b", Side.Affected, StandAloneCost: 10m)]);

        Assert.Equal([1_000L, 1_000], outcome.Shares.Select(s => s.Fen));
        Assert.Equal(["proportional"], outcome.Steps.Select(s => s.Name));
    }

    [Fact]
    public void ScrbStepsShowSeparableCostsRemainingBenefitsAndShares()
    {
        var outcome = AllocationEngine.Allocate(AllocationRule.Scrb(), 100_00,
        [
            new("a", Side.Origin, DamageAvoided: 45m, StandAloneCost: 40m, SeparableCost: 20m),
            new("b", Side.Affected, DamageAvoided: 50m, SeparableCost: 30m),
            new("c", Side.Affected, StandAloneCost: 30m, SeparableCost: 10m),
        ]);

        AssertStep(outcome.Steps[0], "separable costs", "Each city first pays its separable cost; the non-separable rest is 40 yuan.", ("a", 2_000), ("b", 3_000), ("c", 1_000));
        AssertStep(outcome.Steps[1], "remaining benefits", "J − SC per city: what it could justify paying above its separable cost.", ("a", 2_000), ("b", 2_000), ("c", 2_000));
        AssertStep(outcome.Steps[2], "scrb shares", "Separable cost plus the non-separable cost split in proportion to the remaining benefits.",
            ("a", Fraction.Of(10_000, 3)), ("b", Fraction.Of(13_000, 3)), ("c", Fraction.Of(7_000, 3)));
    }

    [Fact]
    public void ScrbSplitsByUnequalRemainingBenefits()
    {
        // C = 100, SC = 10 and 0, J = 40 and 60: remaining benefits 30 and 60, so the rest of 90 splits 1:2.
        var outcome = AllocationEngine.Allocate(AllocationRule.Scrb(), 100_00,
            [new("a", Side.Origin, DamageAvoided: 40m, SeparableCost: 10m), new("b", Side.Affected, StandAloneCost: 60m, DamageAvoided: 70m, SeparableCost: 0m)]);

        Assert.Equal([4_000L, 6_000], outcome.Shares.Select(s => s.Fen));
    }

    [Fact]
    public void ShapleyStepsShowTheValuesAndTheScaling()
    {
        var outcome = AllocationEngine.Allocate(AllocationRule.Shapley(), 36_00,
            [new("b", Side.Origin, StandAloneCost: 18m), new("a", Side.Affected, StandAloneCost: 8m)]);

        AssertStep(outcome.Steps[0], "airport game",
            "Each increment of the need levels split equally among the cities needing at least that level (Shapley value).", ("a", 400), ("b", 1_400));
        AssertStep(outcome.Steps[1], "scaled to the cost", "The values sum to the largest need, 18 yuan; scaled to the net eligible cost.", ("a", 800), ("b", 2_800));
    }

    private static void AssertStep(ExplanationStep step, string name, string description, params (string Id, long Fen)[] amounts) =>
        AssertStep(step, name, description, amounts.Select(a => (a.Id, Fraction.From(a.Fen))).ToArray());

    private static void AssertStep(ExplanationStep step, string name, string description, params (string Id, Fraction Fen)[] amounts)
    {
        Assert.Equal((name, description), (step.Name, step.Description));
        Assert.Equal(amounts, step.Amounts.Select(a => (a.PartyId, a.Fen)));
    }
}
