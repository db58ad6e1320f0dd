using CostSharing.Api.Domain.Allocation;
using CsCheck;
using Xunit;

namespace CostSharing.Tests.Allocation;

/// <summary>"Origin leads, affected assist" (domain.md §3.1, §4.2).</summary>
public sealed partial class AllocationEngineTests
{
    [Fact]
    public void OriginSidePaysAlphaSplitByContributionAndAffectedSideByKey()
    {
        AllocationParty[] parties =
        [
            new("huangshan", Side.Origin, ContributionWeight: 3m),
            new("xuancheng", Side.Origin, ContributionWeight: 1m),
            new("hangzhou", Side.Affected, PopulationExposed: 300_000),
            new("jiaxing", Side.Affected, PopulationExposed: 100_000),
        ];

        var outcome = AllocationEngine.Allocate(AllocationRule.OriginPrimary(0.7m, AllocationKey.PopulationExposed), 1_000_000_00, parties);

        // 1,000,000.00 yuan: origin 700,000 split 3:1, affected 300,000 split 3:1.
        Assert.Equal(525_000_00, Fen(outcome, "huangshan"));
        Assert.Equal(175_000_00, Fen(outcome, "xuancheng"));
        Assert.Equal(225_000_00, Fen(outcome, "hangzhou"));
        Assert.Equal(75_000_00, Fen(outcome, "jiaxing"));
        Assert.Equal(["sides", "origin side", "affected side"], outcome.Steps.Select(s => s.Name));
    }

    [Fact]
    public void EqualKeySplitsTheAffectedSideEvenlyAndRoundsWithinEachSide()
    {
        AllocationParty[] parties =
        [
            new("origin", Side.Origin, ContributionWeight: 1m),
            new("a", Side.Affected), new("b", Side.Affected), new("c", Side.Affected),
        ];

        // 1.00 yuan at α = 0.5: origin 50 fen; affected 50 fen by thirds = 16.67 each → 17, 17, 16 by id.
        var outcome = AllocationEngine.Allocate(AllocationRule.OriginPrimary(0.5m, AllocationKey.Equal), 100, parties);

        Assert.Equal([17L, 17, 16, 50], outcome.Shares.Select(s => s.Fen));
        Assert.Equal([("origin", 50L), ("affected", 50L)], outcome.Rounding.Groups.Select(g => (g.Group, g.Fen)).OrderByDescending(g => g.Group));
    }

    [Fact]
    public void WithoutAffectedCitiesTheOriginSidePaysEverything()
    {
        var outcome = AllocationEngine.Allocate(
            AllocationRule.OriginPrimary(0.6m, AllocationKey.Equal), 999,
            [new("up", Side.Origin, ContributionWeight: 1m), new("down", Side.Origin, ContributionWeight: 2m)]);

        Assert.Equal([666L, 333], outcome.Shares.Select(s => s.Fen));
    }

    [Fact]
    public void OriginSidePaysAlphaOfTheNetCostToTheFen() =>
        Gen.Select(AllocationGen.TotalFen, AllocationGen.Parties, AllocationGen.Alpha, AllocationGen.Key)
            .Where((_, parties, _, _) => parties.Any(p => p.Side == Side.Affected))
            .Sample((total, parties, alpha, key) =>
            {
                var outcome = AllocationEngine.Allocate(AllocationRule.OriginPrimary(alpha, key), total, parties);
                var originExact = Fraction.From(total) * Fraction.From(alpha);
                var originFen = outcome.Shares.Where(s => s.Side == Side.Origin).Sum(s => s.Fen);
                return AllocationGen.WithinOneFen(originFen, originExact)
                    && Fraction.Sum(outcome.Shares.Where(s => s.Side == Side.Origin).Select(s => s.Exact)) == originExact;
            });

    [Fact]
    public void ZeroContributionWeightPaysNothing()
    {
        var outcome = AllocationEngine.Allocate(
            AllocationRule.OriginPrimary(0.8m, AllocationKey.DeclaredExposure), 12_345_67,
            [
                new("cause", Side.Origin, ContributionWeight: 1m),
                new("bystander", Side.Origin, ContributionWeight: 0m),
                new("downstream", Side.Affected, DeclaredExposure: 10m),
                new("unexposed", Side.Affected, DeclaredExposure: 0m),
            ]);

        Assert.Equal(0, Fen(outcome, "bystander"));
        Assert.Equal(0, Fen(outcome, "unexposed"));
        Assert.Equal(12_345_67, outcome.Shares.Sum(s => s.Fen));
    }

    [Theory]
    [InlineData(0, 1, "contribution weights of the origin cities sum to zero")]
    [InlineData(1, 0, "population-exposeds of the affected cities sum to zero")]
    public void WeightsThatSumToZeroAreRefusedWithTheReason(int originWeight, long population, string reason)
    {
        var error = Assert.Throws<AllocationInputException>(() => AllocationEngine.Allocate(
            AllocationRule.OriginPrimary(0.7m, AllocationKey.PopulationExposed), 100,
            [new("o", Side.Origin, ContributionWeight: originWeight), new("a", Side.Affected, PopulationExposed: population)]));

        Assert.Contains(reason, error.Message);
    }

    private static long Fen(AllocationOutcome outcome, string cityId) => outcome.Shares.Single(s => s.CityId == cityId).Fen;
}
