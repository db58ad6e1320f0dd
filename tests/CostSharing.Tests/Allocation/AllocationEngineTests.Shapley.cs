using CostSharing.Api.Domain.Allocation;
using CsCheck;
using Xunit;

namespace CostSharing.Tests.Allocation;

/// <summary>Shapley value of the airport game (domain.md §4.2): costs 8, 11, 13, 18 give 2, 3, 4, 9.</summary>
public sealed partial class AllocationEngineTests
{
    private static readonly (string, Fraction)[] AirportExample =
        [("d", Fraction.From(18)), ("a", Fraction.From(8)), ("c", Fraction.From(13)), ("b", Fraction.From(11))];

    [Fact]
    public void AirportGameGivesTheDomainExampleByEveryMethod()
    {
        var expected = new Dictionary<string, Fraction> { ["a"] = Fraction.From(2), ["b"] = Fraction.From(3), ["c"] = Fraction.From(4), ["d"] = Fraction.From(9) };

        Assert.Equal(expected, AirportGame.Shapley(AirportExample));
        Assert.Equal(expected, AirportGame.ShapleyByIncrements(AirportExample));
        Assert.Equal(expected, ShapleyValue.BySubsets(AirportExample.Select(a => a.Item1).ToList(), m => AirportGame.CoalitionCost(AirportExample, m)));
        Assert.Equal(expected, ShapleyByPermutations(AirportExample));
    }

    [Fact]
    public void ShapleyRuleChargesTheValuesWhenTheAssetCostTheLargestNeed()
    {
        AllocationParty[] parties =
        [
            new("a", Side.Affected, StandAloneCost: 8m), new("b", Side.Affected, StandAloneCost: 11m),
            new("c", Side.Affected, StandAloneCost: 13m), new("d", Side.Origin, StandAloneCost: 18m),
        ];

        var outcome = AllocationEngine.Allocate(AllocationRule.Shapley(), 18_00, parties);

        Assert.Equal([200L, 300, 400, 900], outcome.Shares.Select(s => s.Fen));
        Assert.Equal(["airport game"], outcome.Steps.Select(s => s.Name));
    }

    [Fact]
    public void ShapleyRuleScalesTheValuesToTheActualCost()
    {
        AllocationParty[] parties = [new("a", Side.Affected, StandAloneCost: 8m), new("b", Side.Origin, StandAloneCost: 18m)];

        // Values 4 and 14 of 18; the asset cost 36.00, so 8.00 and 28.00.
        var outcome = AllocationEngine.Allocate(AllocationRule.Shapley(), 36_00, parties);

        Assert.Equal([800L, 2_800], outcome.Shares.Select(s => s.Fen));
        Assert.Equal("scaled to the cost", outcome.Steps[^1].Name);
    }

    [Fact]
    public void FastPathEqualsTheDefinitionForSmallGames() =>
        Gen.Long[0, 2_000].Array[1, 8].Sample(levels =>
        {
            var game = levels.Select((l, i) => (AllocationGen.Id(i), Fraction.From(l))).ToList();
            var fast = AirportGame.Shapley(game);
            return fast.OrderBy(v => v.Key).SequenceEqual(ShapleyByPermutations(game).OrderBy(v => v.Key))
                && fast.OrderBy(v => v.Key).SequenceEqual(AirportGame.ShapleyByIncrements(game).OrderBy(v => v.Key));
        }, iter: 200);

    [Fact]
    public void FastPathEqualsSubsetEnumerationAtFifteenCities()
    {
        var random = new Random(15);
        var game = Enumerable.Range(0, 15).Select(i => (AllocationGen.Id(i), Fraction.From(random.Next(0, 1_000_000)))).ToList();

        var exact = ShapleyValue.BySubsets(game.Select(g => g.Item1).ToList(), m => AirportGame.CoalitionCost(game, m));

        Assert.Equal(exact.OrderBy(v => v.Key), AirportGame.Shapley(game).OrderBy(v => v.Key));
        Assert.Equal(game.Max(g => g.Item2), Fraction.Sum(exact.Values));
    }

    /// <summary>The Shapley value by its other definition: the average marginal cost over every joining order.</summary>
    private static Dictionary<string, Fraction> ShapleyByPermutations(IReadOnlyList<(string Id, Fraction Level)> game)
    {
        var totals = game.ToDictionary(g => g.Id, _ => Fraction.Zero);
        var orders = 0L;
        foreach (var order in Permutations(game.ToList()))
        {
            var cost = Fraction.Zero;
            foreach (var (id, level) in order)
            {
                var next = level > cost ? level : cost;
                totals[id] += next - cost;
                cost = next;
            }

            orders++;
        }

        return totals.ToDictionary(t => t.Key, t => t.Value / Fraction.From(orders));
    }

    private static IEnumerable<List<T>> Permutations<T>(List<T> items) =>
        items.Count <= 1
            ? [items]
            : items.SelectMany((item, i) => Permutations(items.Where((_, j) => j != i).ToList()).Select(rest => (List<T>)[item, .. rest]));
}
