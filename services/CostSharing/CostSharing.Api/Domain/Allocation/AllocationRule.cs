namespace CostSharing.Api.Domain.Allocation;

/// <summary>The allocation rules an agreement may set per risk category (domain.md §4.2).</summary>
public enum RuleKind
{
    /// <summary>"Origin leads, affected assist": the origin side pays α, the affected side 1 − α.</summary>
    OriginPrimary,

    /// <summary>Every participant pays in proportion to one key.</summary>
    Proportional,

    /// <summary>Separable costs – remaining benefits.</summary>
    Scrb,

    /// <summary>Shapley value of the airport game, for shared preventive assets with nested needs.</summary>
    Shapley,
}

/// <summary>What the affected side (or, under the proportional rule, everyone) is split by.</summary>
public enum AllocationKey
{
    Equal,
    PopulationExposed,
    DamageAvoided,
    DeclaredExposure,
}

/// <summary>The optional ceiling on what a city pays: its benefit (damage avoided) or its stand-alone cost.</summary>
public enum CapKind
{
    None,
    Benefit,
    StandAloneCost,
}

/// <summary>
/// One rule as an agreement version fixes it. <paramref name="OriginShare"/> (α) is used by
/// <see cref="RuleKind.OriginPrimary"/> only; <paramref name="Key"/> by origin-primary (affected side)
/// and proportional (all).
/// </summary>
public sealed record AllocationRule(RuleKind Kind, decimal OriginShare, AllocationKey Key, CapKind Cap)
{
    public static AllocationRule OriginPrimary(decimal alpha, AllocationKey key, CapKind cap = CapKind.None) =>
        new(RuleKind.OriginPrimary, alpha, key, cap);

    public static AllocationRule Proportional(AllocationKey key, CapKind cap = CapKind.None) => new(RuleKind.Proportional, 0m, key, cap);

    public static AllocationRule Scrb(CapKind cap = CapKind.None) => new(RuleKind.Scrb, 0m, AllocationKey.Equal, cap);

    public static AllocationRule Shapley(CapKind cap = CapKind.None) => new(RuleKind.Shapley, 0m, AllocationKey.Equal, cap);
}
