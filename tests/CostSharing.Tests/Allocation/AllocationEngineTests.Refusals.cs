using CostSharing.Api.Domain.Allocation;
using Xunit;

namespace CostSharing.Tests.Allocation;

/// <summary>Inputs no rule can work with are refused with the reason, never split somehow (domain.md §4.2).</summary>
public sealed partial class AllocationEngineTests
{
    private static readonly AllocationParty Up = new("up", Side.Origin, ContributionWeight: 1m);

    public static TheoryData<string, AllocationRule, long, AllocationParty[], string> Refused => new()
    {
        { "negative cost", AllocationRule.Proportional(AllocationKey.Equal), -1, [Up], "The net eligible cost must not be negative." },
        { "nobody", AllocationRule.Proportional(AllocationKey.Equal), 100, [], "An allocation needs at least one participating city." },
        { "twice", AllocationRule.Proportional(AllocationKey.Equal), 100, [Up, Up with { Side = Side.Affected }], "Each city may take part once." },
        { "α above 1", AllocationRule.OriginPrimary(1.01m, AllocationKey.Equal), 100, [Up], "The origin share α must lie between 0 and 1, not 1.01." },
        { "α below 0", AllocationRule.OriginPrimary(-0.01m, AllocationKey.Equal), 100, [Up], "The origin share α must lie between 0 and 1, not -0.01." },
        { "no origin", AllocationRule.OriginPrimary(0.7m, AllocationKey.Equal), 100, [new("down", Side.Affected)], "The origin-primary rule needs at least one origin city." },
        { "weight missing", AllocationRule.OriginPrimary(0.7m, AllocationKey.Equal), 100, [Up, new("up2", Side.Origin)], "No contribution weight given for up2." },
        { "weight negative", AllocationRule.OriginPrimary(0.7m, AllocationKey.Equal), 100, [Up with { ContributionWeight = -1m }], "A contribution weight must not be negative." },
        { "key missing", AllocationRule.Proportional(AllocationKey.DamageAvoided), 100, [Up], "No damage-avoided given for up." },
        { "separable missing", AllocationRule.Scrb(), 100, [Up with { DamageAvoided = 5m }], "SCRB needs a non-negative separable cost for up." },
        { "separable negative", AllocationRule.Scrb(), 100, [Up with { DamageAvoided = 5m, SeparableCost = -1m }], "SCRB needs a non-negative separable cost for up." },
        { "no limit", AllocationRule.Scrb(), 100, [Up with { SeparableCost = 0m }], "SCRB needs up's benefit (damage avoided) or stand-alone cost." },
        { "separable above total", AllocationRule.Scrb(), 10_00, [Up with { SeparableCost = 10.01m, DamageAvoided = 20m }], "The separable costs (10.01 yuan) exceed the net eligible cost (10 yuan)." },
        { "limit below separable", AllocationRule.Scrb(), 10_00, [Up with { SeparableCost = 5m, StandAloneCost = 4.99m, DamageAvoided = 50m }], "up's benefit or stand-alone cost is below its separable cost." },
        { "no remaining benefit", AllocationRule.Scrb(), 10_00, [Up with { SeparableCost = 5m, DamageAvoided = 5m }], "The remaining benefits sum to zero, so the non-separable cost cannot be split." },
        { "need missing", AllocationRule.Shapley(), 100, [Up], "The Shapley rule needs up's stand-alone cost (its need level)." },
        { "needs all zero", AllocationRule.Shapley(), 100, [Up with { StandAloneCost = 0m }], "Every stand-alone cost is zero, so the Shapley values cannot split the cost." },
        {
            "caps too low", AllocationRule.Proportional(AllocationKey.Equal, CapKind.StandAloneCost), 100_00,
            [Up with { StandAloneCost = 10.5m }, new("down", Side.Affected, StandAloneCost: 20m)],
            "The caps cannot cover the cost: 30.5 yuan is the most the capped cities may pay and no uncapped city has a share to take the remaining 69.5 yuan."
        },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void UnworkableInputIsRefusedWithTheReason(string because, AllocationRule rule, long totalFen, AllocationParty[] parties, string reason)
    {
        var error = Assert.Throws<AllocationInputException>(() => AllocationEngine.Allocate(rule, totalFen, parties));

        Assert.True(reason == error.Message, $"{because}: {error.Message}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void OriginShareMayBeZeroOrOne(double alpha)
    {
        var outcome = AllocationEngine.Allocate(AllocationRule.OriginPrimary((decimal)alpha, AllocationKey.Equal), 100, [Up, new("down", Side.Affected)]);

        Assert.Equal([100 - (long)(alpha * 100), (long)(alpha * 100)], outcome.Shares.Select(s => s.Fen));
    }

    [Fact]
    public void NothingToSplitGivesEveryoneZeroEvenWithZeroWeights()
    {
        var proportional = AllocationEngine.Allocate(AllocationRule.Proportional(AllocationKey.DeclaredExposure), 0, [Up with { DeclaredExposure = 0m }]);
        var shapley = AllocationEngine.Allocate(AllocationRule.Shapley(), 0, [Up with { StandAloneCost = 0m }]);
        var scrb = AllocationEngine.Allocate(AllocationRule.Scrb(), 0, [Up with { SeparableCost = 0m, DamageAvoided = 0m }]);

        Assert.All(new[] { proportional, shapley, scrb }, o => Assert.Equal(0, Assert.Single(o.Shares).Fen));
        Assert.Equal(["airport game"], shapley.Steps.Select(s => s.Name));
        Assert.Equal(Fraction.Zero, Assert.Single(Assert.Single(shapley.Steps).Amounts).Fen);
    }

    [Fact]
    public void RoundingRefusesSharesThatDoNotAddUp()
    {
        Assert.Throws<ArgumentException>(() => LargestRemainder.Round(2, [new("a", "all", Fraction.One), new("a", "all", Fraction.One)]));
        Assert.Throws<ArgumentException>(() => LargestRemainder.Round(2, [new("a", "all", Fraction.One), new("b", "all", Fraction.Of(1, 2))]));
        Assert.Throws<ArgumentException>(() => LargestRemainder.Round(1, [new("a", "all", Fraction.From(2)), new("b", "all", -Fraction.One)]));
        Assert.Contains("must not be negative", Assert.Throws<AllocationInputException>(() => LargestRemainder.Split(1, [("a", 2m), ("b", -1m)])).Message);
        Assert.Equal(0, Assert.Single(LargestRemainder.Split(0, [("a", 0m)]).Shares).Fen);
    }

    [Fact]
    public void NeedLevelsMustNotBeNegativeAndEnumerationStaysSmall()
    {
        (string, Fraction)[] negative = [("a", Fraction.From(-1)), ("b", Fraction.From(3))];

        Assert.Throws<AllocationInputException>(() => AirportGame.Shapley(negative));
        Assert.Throws<AllocationInputException>(() => AirportGame.ShapleyByIncrements(negative));
        var tooMany = Enumerable.Range(0, ShapleyValue.MaxPlayers + 1).Select(AllocationGen.Id).ToList();
        Assert.Contains("limited to 20 players, not 21", Assert.Throws<AllocationInputException>(() => ShapleyValue.BySubsets(tooMany, _ => Fraction.Zero)).Message);
        Assert.Equal(Fraction.Zero, AirportGame.Shapley([("a", Fraction.Zero)])["a"]);
    }
}
