namespace CostSharing.Api.Domain.Allocation;

public enum Side
{
    /// <summary>Where the risk originates: the primary responsible party (domain.md §3.1).</summary>
    Origin,

    /// <summary>Reached by the risk: assists and bears a secondary share.</summary>
    Affected,
}

/// <summary>
/// One city's inputs to an allocation. Only the inputs the rule needs must be present: contribution
/// weights for origin cities under origin-primary, the key's value, caps' values, SCRB's separable cost.
/// Money inputs are yuan with at most two decimals.
/// </summary>
public sealed record AllocationParty(
    string CityId,
    Side Side,
    decimal? ContributionWeight = null,
    long? PopulationExposed = null,
    decimal? DamageAvoided = null,
    decimal? DeclaredExposure = null,
    decimal? StandAloneCost = null,
    decimal? SeparableCost = null)
{
    /// <summary>The value of <paramref name="key"/> for this city; null when the city did not give it.</summary>
    public decimal? KeyValue(AllocationKey key) => key switch
    {
        AllocationKey.Equal => 1m,
        AllocationKey.PopulationExposed => PopulationExposed,
        AllocationKey.DamageAvoided => DamageAvoided,
        AllocationKey.DeclaredExposure => DeclaredExposure,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    /// <summary>The ceiling on this city's share under <paramref name="cap"/>; null means not capped.</summary>
    public decimal? CapValue(CapKind cap) => cap switch
    {
        CapKind.None => null,
        CapKind.Benefit => DamageAvoided,
        CapKind.StandAloneCost => StandAloneCost,
        _ => throw new ArgumentOutOfRangeException(nameof(cap), cap, null),
    };
}

/// <summary>An input the rule cannot work with (weights summing to zero, caps below the cost, …); the message says which.</summary>
public sealed class AllocationInputException(string message) : Exception(message);
