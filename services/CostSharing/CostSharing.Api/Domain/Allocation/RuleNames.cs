using Platform.Contracts.CostSharing;

namespace CostSharing.Api.Domain.Allocation;

/// <summary>The stable names of rules, keys, caps and sides on the wire and in explanations (kebab case).</summary>
public static class RuleNames
{
    public static readonly IReadOnlyDictionary<string, RuleKind> Rules = new Dictionary<string, RuleKind>(StringComparer.Ordinal)
    {
        ["origin-primary"] = RuleKind.OriginPrimary,
        ["proportional"] = RuleKind.Proportional,
        ["scrb"] = RuleKind.Scrb,
        ["shapley"] = RuleKind.Shapley,
    };

    public static readonly IReadOnlyDictionary<string, AllocationKey> Keys = new Dictionary<string, AllocationKey>(StringComparer.Ordinal)
    {
        ["equal"] = AllocationKey.Equal,
        ["population-exposed"] = AllocationKey.PopulationExposed,
        ["damage-avoided"] = AllocationKey.DamageAvoided,
        ["declared-exposure"] = AllocationKey.DeclaredExposure,
    };

    public static readonly IReadOnlyDictionary<string, CapKind> Caps = new Dictionary<string, CapKind>(StringComparer.Ordinal)
    {
        ["none"] = CapKind.None,
        ["benefit"] = CapKind.Benefit,
        ["stand-alone-cost"] = CapKind.StandAloneCost,
    };

    public static readonly IReadOnlyDictionary<string, Side> Sides = new Dictionary<string, Side>(StringComparer.Ordinal)
    {
        [ParticipantSides.Origin] = Side.Origin,
        [ParticipantSides.Affected] = Side.Affected,
    };

    public static string Of(RuleKind rule) => Rules.First(r => r.Value == rule).Key;

    public static string Of(AllocationKey key) => Keys.First(k => k.Value == key).Key;

    public static string Of(CapKind cap) => Caps.First(c => c.Value == cap).Key;

    public static string Of(Side side) => Sides.First(s => s.Value == side).Key;

    /// <summary>One line naming the rule with its parameters, e.g. <c>origin-primary α=0.7 key=population-exposed cap=none</c>.</summary>
    public static string Describe(AllocationRule rule) => rule.Kind switch
    {
        RuleKind.OriginPrimary => $"origin-primary α={rule.OriginShare} key={Of(rule.Key)} cap={Of(rule.Cap)}",
        RuleKind.Proportional => $"proportional key={Of(rule.Key)} cap={Of(rule.Cap)}",
        _ => $"{Of(rule.Kind)} cap={Of(rule.Cap)}",
    };
}
