extern alias CostSharingApi;
using CostSharingApi::CostSharing.Api.Domain.Allocation;
using CostSharingApi::CostSharing.Api.Domain.Incidents;

namespace Platform.Benchmarks.CostSharing;

/// <summary>
/// Allocation of one incident with many affected cities and claim lines: the engine in process (rule, caps,
/// rounding, explanation), then preview and finalize through the real API on durable PostgreSQL; and the
/// Shapley timings. Numbers are reported, never asserted (architecture.md §9).
/// </summary>
public static class AllocationBenchmark
{
    public const int OriginCities = 2;

    public static async Task RunAsync(int affectedCities, int linesPerClaim, int incidents)
    {
        Console.WriteLine($"allocation benchmark: {OriginCities} origin + {affectedCities} affected cities, {affectedCities * linesPerClaim} claim lines from the affected cities (+{OriginCities} origin lines)");
        Console.WriteLine("engine, in process (exact fractions, largest remainder in fen, explanation built):");
        EngineTimings(affectedCities, linesPerClaim);
        ShapleyTimings.Run();
        Console.WriteLine($"through the API (real Kestrel, PostgreSQL fsync=on, {incidents} incidents):");
        await ApiTimings.RunAsync(affectedCities, linesPerClaim, incidents);
    }

    private static void EngineTimings(int affectedCities, int linesPerClaim)
    {
        var random = new Random(42);
        var parties = Parties(affectedCities, random);
        var claims = parties.Select(p => new ClaimFigures(
            p.CityId, 0m, 0m, 0m, Enumerable.Range(0, p.Side == Side.Origin ? 1 : linesPerClaim).Sum(_ => random.Next(100, 5_000_000) / 100m))).ToList();
        foreach (var (name, rule) in new[]
        {
            ("origin-primary α=0.6 by population", AllocationRule.OriginPrimary(0.6m, AllocationKey.PopulationExposed)),
            ("origin-primary with benefit caps   ", AllocationRule.OriginPrimary(0.6m, AllocationKey.PopulationExposed, CapKind.Benefit)),
            ("proportional by declared exposure  ", AllocationRule.Proportional(AllocationKey.DeclaredExposure)),
            ("shapley (airport game)             ", AllocationRule.Shapley()),
        })
        {
            var basis = new AllocationBasis("bench", 1, "natural-disaster", rule, "CNY");
            var draft = AllocationDraft.Compute(basis, parties, claims);
            var capRounds = draft.Outcome.Steps.Count(s => s.Name.StartsWith("cap round", StringComparison.Ordinal));
            Console.WriteLine($"  {name}: {Timing.Format(Timing.Measure(10, () => AllocationDraft.Compute(basis, parties, claims)))}  total {draft.Explanation.NetEligibleCost:N2} yuan{(capRounds > 0 ? $", {capRounds} cap rounds" : string.Empty)}");
        }
    }

    /// <summary>Origin cities upstream; affected cities with populations, benefits and exposures, a few benefits small enough to cap.</summary>
    public static List<AllocationParty> Parties(int affectedCities, Random random) =>
    [
        .. Enumerable.Range(0, OriginCities).Select(i => new AllocationParty(OriginId(i), Side.Origin, ContributionWeight: i + 1, DeclaredExposure: 5_000, StandAloneCost: 90_000_000m)),
        .. Enumerable.Range(0, affectedCities).Select(i => new AllocationParty(
            AffectedId(i), Side.Affected,
            PopulationExposed: random.Next(1_000, 2_000_000),
            DamageAvoided: i % 10 == 0 ? random.Next(1_000, 10_000) : random.Next(1_000_000, 90_000_000),
            DeclaredExposure: random.Next(1, 1_000),
            StandAloneCost: random.Next(100_000, 80_000_000))),
    ];

    public static string OriginId(int i) => $"bench-origin-{i}";

    public static string AffectedId(int i) => $"bench-city-{i:D4}";
}
