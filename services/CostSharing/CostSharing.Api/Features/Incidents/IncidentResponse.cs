using CostSharing.Api.Domain.Allocation;
using CostSharing.Api.Domain.Incidents;

namespace CostSharing.Api.Features.Incidents;

public sealed record IncidentResponse(
    Guid Id,
    string AgreementId,
    int AgreementVersion,
    string Category,
    string Scenario,
    string Title,
    string? Description,
    string Status,
    IReadOnlyList<ParticipantResponse> Participants,
    IReadOnlyList<ReportingCheck> Reporting,
    DateTimeOffset OccurredAt,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? ResponseClosedAt,
    DateTimeOffset? ClaimDeadline,
    DateTimeOffset? CostsFinalizedAt,
    DateTimeOffset? AllocatedAt,
    DateTimeOffset? SettledAt,
    Guid? CurrentAllocationId)
{
    public static IncidentResponse From(Incident i) => new(
        i.Id, i.AgreementId, i.AgreementVersion, i.Category, i.Scenario, i.Title, i.Description, IncidentStatusNames.Of(i.Status),
        i.Participants.Select(ParticipantResponse.From).ToList(), i.Reporting, i.OccurredAt, i.OpenedAt, i.ConfirmedAt,
        i.ResponseClosedAt, i.ClaimDeadline, i.CostsFinalizedAt, i.AllocatedAt, i.SettledAt, i.CurrentAllocationId);
}

public sealed record ParticipantResponse(
    string CityId, string Side, decimal? ContributionWeight, long? PopulationExposed, decimal? DamageAvoided,
    decimal? DeclaredExposure, decimal? StandAloneCost, decimal? SeparableCost, DateTimeOffset? ReportedAt)
{
    public static ParticipantResponse From(Participant p) => new(
        p.CityId, RuleNames.Of(p.Side), p.ContributionWeight, p.PopulationExposed, p.DamageAvoided, p.DeclaredExposure, p.StandAloneCost, p.SeparableCost, p.ReportedAt);
}
