namespace CostSharing.Api.Domain.Incidents;

/// <summary>
/// The inputs of the agreement's rule for one participating city, given by the coordinating body when it confirms an
/// incident that arrived without them: an escalated warning names who is involved (sender as origin, reached cities as
/// affected, docs/communication.md §4) but not the contribution weights or the key's values the rule needs.
/// A null field leaves what the participant already has.
/// </summary>
public sealed record ParticipantInputs(
    string CityId,
    decimal? ContributionWeight,
    long? PopulationExposed,
    decimal? DamageAvoided,
    decimal? DeclaredExposure,
    decimal? StandAloneCost,
    decimal? SeparableCost)
{
    public Participant ApplyTo(Participant participant) => participant with
    {
        ContributionWeight = ContributionWeight ?? participant.ContributionWeight,
        PopulationExposed = PopulationExposed ?? participant.PopulationExposed,
        DamageAvoided = DamageAvoided ?? participant.DamageAvoided,
        DeclaredExposure = DeclaredExposure ?? participant.DeclaredExposure,
        StandAloneCost = StandAloneCost ?? participant.StandAloneCost,
        SeparableCost = SeparableCost ?? participant.SeparableCost,
    };
}
