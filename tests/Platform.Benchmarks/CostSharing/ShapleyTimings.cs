extern alias CostSharingApi;
using CostSharingApi::CostSharing.Api.Domain.Allocation;

namespace Platform.Benchmarks.CostSharing;

/// <summary>Shapley value of the airport game: exact by enumeration at n = 15, the increments formula, and the fast path at n = 200.</summary>
internal static class ShapleyTimings
{
    public static void Run()
    {
        var fifteen = Game(15);
        var players = fifteen.Select(g => g.PartyId).ToList();
        var bySubsets = Timing.Measure(3, () => ShapleyValue.BySubsets(players, m => AirportGame.CoalitionCost(fifteen, m)));
        var same = ShapleyValue.BySubsets(players, m => AirportGame.CoalitionCost(fifteen, m)).OrderBy(v => v.Key)
            .SequenceEqual(AirportGame.Shapley(fifteen).OrderBy(v => v.Key));
        Console.WriteLine($"  Shapley n = 15, exact by 2^15 coalitions:     {Timing.Format(bySubsets)}  equals fast path: {same}");
        Console.WriteLine($"  Shapley n = 15, increments formula O(n^2):    {Timing.Format(Timing.Measure(50, () => AirportGame.ShapleyByIncrements(fifteen)))}");
        Console.WriteLine($"  Shapley n = 15, airport fast path O(n log n): {Timing.Format(Timing.Measure(50, () => AirportGame.Shapley(fifteen)))}");
        var twoHundred = Game(200);
        Console.WriteLine($"  Shapley n = 200, airport fast path:           {Timing.Format(Timing.Measure(50, () => AirportGame.Shapley(twoHundred)))}");
        Console.WriteLine($"  Shapley n = 200, increments formula O(n^2):   {Timing.Format(Timing.Measure(5, () => AirportGame.ShapleyByIncrements(twoHundred)))}");
        // Exact values carry denominators up to lcm(1..n), so the cost grows faster than n log n in digits.
        var thousand = Game(1_000);
        Console.WriteLine($"  Shapley n = 1,000, airport fast path:         {Timing.Format(Timing.Measure(3, () => AirportGame.Shapley(thousand)))}");
    }

    /// <summary>Need levels in fen: a preventive asset between 1 and 10 million yuan, many ties at the low end.</summary>
    private static List<(string PartyId, Fraction Level)> Game(int n)
    {
        var random = new Random(n);
        return Enumerable.Range(0, n).Select(i => ($"city-{i:D6}", Fraction.From(random.NextInt64(1, 1_000_000) * 100 * (1 + (i % 10))))).ToList();
    }
}
