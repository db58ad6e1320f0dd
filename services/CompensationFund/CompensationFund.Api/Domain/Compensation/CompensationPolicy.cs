using System.Globalization;
using CompensationFund.Api.Domain.Money;
using Platform.Contracts.Trust;

namespace CompensationFund.Api.Domain.Compensation;

/// <summary>One affected city's claim to compensation: its burden (fair share, fen), trust tier and latest reliable grade.</summary>
public sealed record CompensationBasis(string CityId, long Burden, string Tier, string? Grade);

/// <summary>What the policy gives one city, before and after the pro-rata scaling, and how it got there.</summary>
public sealed record CompensationComputation(string CityId, long Burden, decimal TierMultiplier, decimal GradeMultiplier, long Computed, long Proposed, long Shortfall, IReadOnlyList<string> Steps);

/// <summary>
/// The fund's compensation policy (domain.md §3.2: compensation restores the balance for affected cities that carry costs
/// with little gain), version 1: <c>rate × burden × tier multiplier × grade multiplier</c>, rounded down to the fen, capped at
/// the burden itself and at a per-city cap; when the pool cannot cover every proposal they are scaled pro rata by the
/// largest-remainder method and each city's shortfall is reported. Trust tier D is ineligible (domain.md §4.3:
/// "tier drives ... eligibility for incentive funds"). How many people must approve is the agreement's <c>ApprovalQuorum</c>, not the policy's;
/// <see cref="HoldBackRate"/> of an approved amount is held back until released or clawed back.
/// </summary>
public sealed record CompensationPolicy(
    string Name, int Version, decimal Rate, IReadOnlyDictionary<string, decimal> TierMultipliers, IReadOnlyDictionary<string, decimal> GradeMultipliers,
    long CapPerCity, decimal HoldBackRate)
{
    public static readonly CompensationPolicy V1 = new(
        "compensation-policy",
        1,
        Rate: 0.30m,
        TierMultipliers: new Dictionary<string, decimal> { [TrustTiers.A] = 1.2m, [TrustTiers.B] = 1.0m, [TrustTiers.C] = 0.8m, [TrustTiers.D] = 0m, [TrustTiers.Insufficient] = 1.0m },
        GradeMultipliers: new Dictionary<string, decimal>
        {
            ["优"] = 1.2m, ["excellent"] = 1.2m, ["良"] = 1.1m, ["good"] = 1.1m, ["中"] = 1.0m, ["fair"] = 1.0m, ["差"] = 0.8m, ["poor"] = 0.8m,
        },
        CapPerCity: 500_000_000,
        HoldBackRate: 0.10m);

    public IReadOnlyList<CompensationComputation> Propose(IReadOnlyList<CompensationBasis> cities, long poolAvailable)
    {
        var computed = cities.Select(Compute).ToList();
        var total = computed.Sum(c => c.Computed);
        if (total <= poolAvailable || total == 0)
        {
            return computed;
        }

        var scaled = LargestRemainder.Split(Math.Max(poolAvailable, 0), [.. computed.Where(c => c.Computed > 0).Select(c => new SplitWeight(c.CityId, c.Computed))]);
        return [.. computed.Select(c =>
        {
            var proposed = scaled.GetValueOrDefault(c.CityId);
            var step = $"pool has {Fen.ToYuan(poolAvailable)} for {Fen.ToYuan(total)} proposed: scaled pro rata (largest remainder) to {Fen.ToYuan(proposed)}, short {Fen.ToYuan(c.Computed - proposed)}";
            return c with { Proposed = proposed, Shortfall = c.Computed - proposed, Steps = [.. c.Steps, step] };
        })];
    }

    public long HoldBack(long approved) => (long)decimal.Floor(approved * HoldBackRate);

    private CompensationComputation Compute(CompensationBasis basis)
    {
        var tier = TierMultipliers.GetValueOrDefault(basis.Tier, TierMultipliers[TrustTiers.Insufficient]);
        var grade = basis.Grade is { } g ? GradeMultipliers.GetValueOrDefault(g, 1.0m) : 1.0m;
        var raw = (long)decimal.Floor(basis.Burden * Rate * tier * grade);
        var capped = Math.Min(raw, Math.Min(basis.Burden, CapPerCity));
        var steps = new List<string>
        {
            $"{Rate.ToString(CultureInfo.InvariantCulture)} × burden {Fen.ToYuan(basis.Burden)} × tier {basis.Tier} {tier.ToString(CultureInfo.InvariantCulture)} × grade {basis.Grade ?? "none"} {grade.ToString(CultureInfo.InvariantCulture)} = {Fen.ToYuan(raw)} (rounded down to the fen)",
        };
        if (capped < raw)
        {
            steps.Add($"capped at {Fen.ToYuan(capped)} (the burden and the cap of {Fen.ToYuan(CapPerCity)} per city)");
        }

        return new CompensationComputation(basis.CityId, basis.Burden, tier, grade, capped, capped, 0, steps);
    }
}
