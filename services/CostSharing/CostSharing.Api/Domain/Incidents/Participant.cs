using CostSharing.Api.Domain.Allocation;

namespace CostSharing.Api.Domain.Incidents;

/// <summary>
/// A city taking part in an incident with the inputs its agreement's rule needs, and for an origin city the
/// time it reported the incident (checked against its responsibility list's reporting duty).
/// </summary>
public sealed record Participant(
    string CityId,
    Side Side,
    decimal? ContributionWeight,
    long? PopulationExposed,
    decimal? DamageAvoided,
    decimal? DeclaredExposure,
    decimal? StandAloneCost,
    decimal? SeparableCost,
    DateTimeOffset? ReportedAt)
{
    public AllocationParty ToParty() =>
        new(CityId, Side, ContributionWeight, PopulationExposed, DamageAvoided, DeclaredExposure, StandAloneCost, SeparableCost);

    /// <summary>The weight published with the incident: contribution for origin cities, the rule's key for affected ones.</summary>
    public decimal PublishedWeight(AllocationRule rule) =>
        Side == Side.Origin ? ContributionWeight ?? 0m : ToParty().KeyValue(rule.Key) ?? 0m;
}
