using CostSharing.Api.Domain.Allocation;
using CsCheck;

namespace CostSharing.Tests.Allocation;

/// <summary>Generators for the property tests: totals in fen, weights with zeros and ties, parties on both sides.</summary>
internal static class AllocationGen
{
    /// <summary>Up to a billion yuan, with small totals (a few fen) well represented.</summary>
    public static readonly Gen<long> TotalFen = Gen.OneOf(Gen.Long[0, 1_000], Gen.Long[0, 100_000_000_000]);

    /// <summary>Weights with two decimals, zeros and repeats likely (ties are where rounding goes wrong).</summary>
    public static readonly Gen<decimal> Weight = Gen.OneOf(Gen.Const(0m), Gen.Int[1, 3].Select(i => (decimal)i), Gen.Int[0, 1_000_000].Select(i => i / 100m));

    public static readonly Gen<List<(string PartyId, decimal Weight)>> Weights =
        Weight.Array[1, 40].Where(ws => ws.Any(w => w > 0)).Select(ws => ws.Select((w, i) => (Id(i), w)).ToList());

    public static readonly Gen<decimal> Alpha = Gen.Int[50, 100].Select(a => a / 100m);

    /// <summary>Origin cities with contribution weights and affected cities with every key, at least one origin weight positive.</summary>
    public static readonly Gen<List<AllocationParty>> Parties =
        Gen.Select(Gen.Int[1, 5], Gen.Int[0, 30], Weight.Array[36], Gen.Long[0, 5_000_000].Array[36], Weight.Array[36])
            .Select((origins, affected, weights, populations, exposures) =>
                Enumerable.Range(0, origins + affected).Select(i => i < origins
                    ? new AllocationParty(Id(i), Side.Origin, ContributionWeight: i == 0 ? weights[i] + 1 : weights[i])
                    : new AllocationParty(Id(i), Side.Affected, PopulationExposed: populations[i] + 1, DamageAvoided: weights[i] + 0.01m, DeclaredExposure: exposures[i] + 1))
                .ToList());

    public static readonly Gen<AllocationKey> Key = Gen.OneOf(Gen.Const(AllocationKey.Equal), Gen.Const(AllocationKey.PopulationExposed), Gen.Const(AllocationKey.DamageAvoided), Gen.Const(AllocationKey.DeclaredExposure));

    public static string Id(int i) => $"city-{i:D2}";

    /// <summary>The exact share the rule says, before rounding, as a fraction of fen.</summary>
    public static Fraction Exact(long totalFen, decimal weight, decimal weightSum) =>
        Fraction.From(totalFen) * Fraction.From(weight) / Fraction.From(weightSum);

    public static bool WithinOneFen(long fen, Fraction exact)
    {
        var difference = Fraction.From(fen) - exact;
        return difference > -Fraction.One && difference < Fraction.One;
    }
}
