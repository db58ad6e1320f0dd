using CostSharing.Api.Domain.Agreements;
using CostSharing.Api.Domain.Allocation;
using CostSharing.Api.Domain.Incidents;
using CostSharing.Api.Domain.Members;
using CostSharing.Api.Features.Shared;
using Platform.Contracts.CostSharing;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Incidents;

/// <summary>An incident as the coordinating body reports it; every field nullable so missing ones are reported, not defaulted.</summary>
public sealed record OpenIncidentRequest(
    string? AgreementId,
    string? Category,
    string? Scenario,
    string? Title,
    string? Description,
    DateTimeOffset? OccurredAt,
    IReadOnlyList<ParticipantRequest>? Participants)
{
    public const int MaxParticipants = 2_000;

    public RequestValidation Validate(DateTimeOffset now)
    {
        var validation = new RequestValidation();
        validation.RequireText(AgreementId, "agreementId", 40);
        validation.Require(Category is not null && RiskCategories.All.Contains(Category), "category", $"'category' is one of {string.Join(", ", RiskCategories.All)}.");
        validation.Require(Scenario is not null && Scenarios.All.Contains(Scenario), "scenario", $"'scenario' is one of {string.Join(", ", Scenarios.All)}.");
        validation.RequireText(Title, "title");
        validation.Require(Description is null || Description.Length <= 4000, "description", "'description' is at most 4000 characters.");
        validation.Require(OccurredAt is not null && OccurredAt <= now, "occurredAt", "'occurredAt' is required and not in the future.");
        var participants = Participants ?? [];
        validation.Require(participants.Count is > 0 and <= MaxParticipants, "participants", $"'participants' lists 1 to {MaxParticipants} cities.");
        validation.Require(participants.Select(p => p.CityId).Distinct(StringComparer.Ordinal).Count() == participants.Count, "participants", "Each city takes part once, on one side.");
        for (var i = 0; i < participants.Count; i++)
        {
            participants[i].Validate(validation, $"participants[{i}]", OccurredAt, now);
        }

        var origin = participants.Where(p => p.Side == ParticipantSides.Origin).ToList();
        validation.Require(origin.Count > 0, "participants", "At least one city is on the origin side.");
        validation.Require(
            origin.Count == 0 || origin.Any(p => p.ContributionWeight is null) || origin.Sum(p => p.ContributionWeight!.Value) > 0,
            "participants", "The origin cities' contribution weights sum to zero; at least one must be above zero.");
        validation.Require(Scenario == Scenarios.HazardSpansCities || origin.Count <= 1, "scenario", $"In '{Scenario}' the hazard is in one city: give exactly one origin city.");
        validation.Require(Scenario == Scenarios.HazardSpansCities || participants.Count > origin.Count, "scenario", $"In '{Scenario}' the exposed are elsewhere: give at least one affected city.");
        return validation;
    }

    /// <summary>Only valid after <see cref="Validate"/> reported no errors.</summary>
    public IReadOnlyList<Participant> ToParticipants() => Participants!.Select(p => p.ToParticipant()).ToList();
}

/// <summary>One participating city with the inputs the rule may need (money in yuan, at most two decimals).</summary>
public sealed record ParticipantRequest(
    string? CityId,
    string? Side,
    decimal? ContributionWeight,
    long? PopulationExposed,
    decimal? DamageAvoided,
    decimal? DeclaredExposure,
    decimal? StandAloneCost,
    decimal? SeparableCost,
    DateTimeOffset? ReportedAt)
{
    /// <param name="reported">False for the calculator, which has no incident to report.</param>
    public void Validate(RequestValidation validation, string field, DateTimeOffset? occurredAt, DateTimeOffset now, bool reported = true)
    {
        validation.Require(CityId is not null && MemberRules.CityIdPattern().IsMatch(CityId), $"{field}.cityId", "'cityId' is a member city id.");
        validation.Require(Side is not null && RuleNames.Sides.ContainsKey(Side), $"{field}.side", "'side' is origin or affected.");
        var origin = Side == ParticipantSides.Origin;
        // Required by the origin-primary rule only; checked against the rule when the incident opens.
        validation.RequireWeight(ContributionWeight, $"{field}.contributionWeight", required: false);
        validation.Require(origin || ContributionWeight is null, $"{field}.contributionWeight", "Only origin cities carry a contribution weight.");
        validation.Require(PopulationExposed is null or >= 0, $"{field}.populationExposed", "'populationExposed' must not be negative.");
        validation.RequireWeight(DeclaredExposure, $"{field}.declaredExposure", required: false);
        validation.RequireMoney(DamageAvoided, $"{field}.damageAvoided", required: false);
        validation.RequireMoney(StandAloneCost, $"{field}.standAloneCost", required: false);
        validation.RequireMoney(SeparableCost, $"{field}.separableCost", required: false);
        if (origin && reported)
        {
            validation.Require(
                ReportedAt is not null && (occurredAt is null || ReportedAt >= occurredAt) && ReportedAt <= now,
                $"{field}.reportedAt", "An origin city's 'reportedAt' is required, not before the occurrence and not in the future.");
        }
        else
        {
            validation.Require(ReportedAt is null, $"{field}.reportedAt", "Only origin cities report the incident.");
        }
    }

    public Participant ToParticipant() => new(
        CityId!, RuleNames.Sides[Side!], ContributionWeight, PopulationExposed, DamageAvoided, DeclaredExposure, StandAloneCost, SeparableCost, ReportedAt);
}
