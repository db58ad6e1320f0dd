namespace CostSharing.Api.Domain.Allocation;

/// <summary>
/// Whether the participants carry the inputs their rule needs, checked when an incident opens so that a
/// missing key value or weights that sum to zero are refused then, not discovered at allocation time.
/// </summary>
public static class RuleInputs
{
    public static IReadOnlyList<string> Check(AllocationRule rule, IReadOnlyList<AllocationParty> parties)
    {
        var origin = parties.Where(p => p.Side == Side.Origin).ToList();
        var affected = parties.Where(p => p.Side == Side.Affected).ToList();
        return rule.Kind switch
        {
            RuleKind.OriginPrimary =>
            [
                .. origin.Count == 0 ? ["The origin-primary rule needs at least one origin city."] : Array.Empty<string>(),
                .. Weights(origin, p => p.ContributionWeight, "contribution weight", OriginPrimaryRule.OriginGroup),
                .. affected.Count > 0 && rule.OriginShare < 1m ? Weights(affected, p => p.KeyValue(rule.Key), RuleNames.Of(rule.Key), OriginPrimaryRule.AffectedGroup) : [],
            ],
            RuleKind.Proportional => Weights(parties, p => p.KeyValue(rule.Key), RuleNames.Of(rule.Key), "participating"),
            RuleKind.Scrb => parties
                .Where(p => p.SeparableCost is null || (p.DamageAvoided ?? p.StandAloneCost) is null
                    || Math.Min(p.DamageAvoided ?? decimal.MaxValue, p.StandAloneCost ?? decimal.MaxValue) < p.SeparableCost)
                .Select(p => $"SCRB needs {p.CityId}'s separable cost and a benefit (damage avoided) or stand-alone cost at least as large.")
                .ToList(),
            RuleKind.Shapley =>
            [
                .. parties.Where(p => p.StandAloneCost is null).Select(p => $"The Shapley rule needs {p.CityId}'s stand-alone cost (its need level)."),
                .. parties.All(p => (p.StandAloneCost ?? 0m) == 0m) ? ["Every stand-alone cost is zero, so the Shapley values cannot split the cost."] : Array.Empty<string>(),
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, null),
        };
    }

    private static List<string> Weights(IReadOnlyList<AllocationParty> parties, Func<AllocationParty, decimal?> weightOf, string name, string group)
    {
        var missing = parties.Where(p => weightOf(p) is null).Select(p => p.CityId).ToList();
        if (missing.Count > 0)
        {
            return [$"No {name} given for {string.Join(", ", missing)}."];
        }

        return parties.Count > 0 && parties.Sum(p => weightOf(p)!.Value) == 0m
            ? [$"The {name}s of the {group} cities sum to zero, so their share cannot be split."]
            : [];
    }
}
