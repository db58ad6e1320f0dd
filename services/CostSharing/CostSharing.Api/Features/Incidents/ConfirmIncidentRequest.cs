using CostSharing.Api.Domain.Incidents;
using CostSharing.Api.Domain.Members;
using CostSharing.Api.Features.Shared;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Incidents;

/// <summary>
/// The optional body of <c>POST /incidents/{id}/confirm</c>: rule inputs for participants that arrived without them (an
/// incident opened by an escalated warning has none). Without a body the incident is confirmed as reported.
/// </summary>
public sealed record ConfirmIncidentRequest(IReadOnlyList<ParticipantInputsRequest>? Participants)
{
    public RequestValidation Validate()
    {
        var validation = new RequestValidation();
        var participants = Participants ?? [];
        validation.Require(participants.Count <= OpenIncidentRequest.MaxParticipants, "participants", $"'participants' lists at most {OpenIncidentRequest.MaxParticipants} cities.");
        validation.Require(participants.Select(p => p.CityId).Distinct(StringComparer.Ordinal).Count() == participants.Count, "participants", "Each city is listed once.");
        for (var i = 0; i < participants.Count; i++)
        {
            participants[i].Validate(validation, $"participants[{i}]");
        }

        return validation;
    }

    /// <summary>Only valid after <see cref="Validate"/> reported no errors.</summary>
    public IReadOnlyList<ParticipantInputs> ToInputs() => [.. (Participants ?? []).Select(p => p.ToInputs())];
}

/// <summary>One participant's rule inputs (money in yuan, at most two decimals); a field left out keeps the participant's value.</summary>
public sealed record ParticipantInputsRequest(
    string? CityId, decimal? ContributionWeight, long? PopulationExposed, decimal? DamageAvoided, decimal? DeclaredExposure, decimal? StandAloneCost, decimal? SeparableCost)
{
    public void Validate(RequestValidation validation, string field)
    {
        validation.Require(CityId is not null && MemberRules.CityIdPattern().IsMatch(CityId), $"{field}.cityId", "'cityId' is a member city id.");
        validation.RequireWeight(ContributionWeight, $"{field}.contributionWeight", required: false);
        validation.Require(PopulationExposed is null or >= 0, $"{field}.populationExposed", "'populationExposed' must not be negative.");
        validation.RequireWeight(DeclaredExposure, $"{field}.declaredExposure", required: false);
        validation.RequireMoney(DamageAvoided, $"{field}.damageAvoided", required: false);
        validation.RequireMoney(StandAloneCost, $"{field}.standAloneCost", required: false);
        validation.RequireMoney(SeparableCost, $"{field}.separableCost", required: false);
    }

    public ParticipantInputs ToInputs() => new(CityId!, ContributionWeight, PopulationExposed, DamageAvoided, DeclaredExposure, StandAloneCost, SeparableCost);
}
