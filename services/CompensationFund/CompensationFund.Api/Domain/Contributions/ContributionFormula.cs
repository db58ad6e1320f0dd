using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Api.Domain.Contributions;

public enum FormulaKind
{
    /// <summary>Agreed ratios, e.g. the Chishui River pool funded 1:5:4 (domain.md §3.2).</summary>
    FixedRatios,

    /// <summary>In proportion to each member's population.</summary>
    Population,

    /// <summary>In proportion to each member's GDP.</summary>
    Gdp,
}

/// <summary>A member's size, as the fund learnt it from cost-sharing.</summary>
public sealed record MemberSize(string CityId, long Population, decimal GdpCny);

/// <summary>
/// How a period's total contribution is split among the members: by fixed ratios, population or GDP, always with the
/// largest-remainder method in fen (domain.md §4.1), so the shares add up to the total exactly.
/// </summary>
public sealed record ContributionFormula(FormulaKind Kind, IReadOnlyDictionary<string, decimal>? Ratios = null)
{
    public string Name => Kind switch
    {
        FormulaKind.FixedRatios => "fixed-ratios " + string.Join(":", (Ratios ?? new Dictionary<string, decimal>()).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        FormulaKind.Population => "population",
        _ => "gdp",
    };

    public IReadOnlyList<SplitWeight> Weights(IReadOnlyList<MemberSize> members)
    {
        var weights = Kind switch
        {
            FormulaKind.FixedRatios => Ratios?.Select(r => new SplitWeight(r.Key, r.Value)).ToList() ?? [],
            FormulaKind.Population => members.Select(m => new SplitWeight(m.CityId, m.Population)).ToList(),
            _ => members.Select(m => new SplitWeight(m.CityId, m.GdpCny)).ToList(),
        };
        if (weights.Count == 0 || weights.Any(w => w.Weight < 0) || weights.All(w => w.Weight == 0))
        {
            throw new FundRuleException("No weights", $"The {Name} formula needs at least one member with a positive weight and none negative.");
        }

        return weights;
    }

    public IReadOnlyDictionary<string, long> Split(long total, IReadOnlyList<MemberSize> members) => LargestRemainder.Split(total, Weights(members));
}
