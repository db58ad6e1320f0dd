using CostSharing.Api.Domain.Allocation;
using CostSharing.Api.Domain.Incidents;
using CostSharing.Api.Features.Agreements;
using CostSharing.Api.Features.Incidents;
using CostSharing.Api.Features.Shared;
using Platform.Contracts;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Allocations;

/// <summary>
/// The allocation engine as a calculator for any caller: a rule, participants with their inputs and
/// (optionally) their approved spend, and the cost to split. Nothing is read, stored or published.
/// </summary>
public static class CalculateAllocation
{
    public static IResult Handle(CalculationRequest request, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var validation = request.Validate(now);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var rule = request.Rule!.ToRule();
        var parties = request.Participants!.Select(p => p.AsParticipant().ToParticipant().ToParty()).ToList();
        var inputProblems = RuleInputs.Check(rule, parties);
        if (inputProblems.Count > 0)
        {
            return Problems.Unprocessable("Inputs missing for the rule", $"{RuleNames.Describe(rule)}: {string.Join(" ", inputProblems)}");
        }

        var figures = request.Participants!
            .Where(p => p.ApprovedSpend is not null)
            .Select(p => new ClaimFigures(p.CityId!, p.ApprovedSpend!.Value, p.ApprovedSpend.Value, 0m, p.ApprovedSpend.Value))
            .ToList();
        var basis = new AllocationBasis("calculator", 0, "calculator", rule, request.Currency ?? Currencies.Cny);
        var total = request.NetEligibleCost is { } cost ? Fen.FromYuan(cost) : (long?)null;
        var draft = AllocationDraft.Compute(basis, parties, figures, total);
        return Results.Ok(AllocationPreviewResponse.From(null, draft, 0, DateOnly.FromDateTime(now.UtcDateTime)));
    }
}

/// <summary>Without <c>netEligibleCost</c> the cost split is the sum of the approved spends.</summary>
public sealed record CalculationRequest(RuleRequest? Rule, string? Currency, decimal? NetEligibleCost, IReadOnlyList<CalculationParticipant>? Participants)
{
    public RequestValidation Validate(DateTimeOffset now)
    {
        var validation = new RequestValidation();
        if (Rule is null)
        {
            validation.Add("rule", "'rule' is required.");
        }
        else
        {
            Rule.Validate(validation, "rule");
        }

        validation.RequireMoney(NetEligibleCost, "netEligibleCost", required: false);
        var participants = Participants ?? [];
        validation.Require(participants.Count is > 0 and <= OpenIncidentRequest.MaxParticipants, "participants", $"'participants' lists 1 to {OpenIncidentRequest.MaxParticipants} cities.");
        validation.Require(participants.Select(p => p.CityId).Distinct(StringComparer.Ordinal).Count() == participants.Count, "participants", "Each city takes part once.");
        for (var i = 0; i < participants.Count; i++)
        {
            participants[i].AsParticipant().Validate(validation, $"participants[{i}]", null, now, reported: false);
            validation.RequireMoney(participants[i].ApprovedSpend, $"participants[{i}].approvedSpend", required: false);
        }

        validation.Require(NetEligibleCost is not null || participants.Any(p => p.ApprovedSpend is not null), "netEligibleCost", "Give 'netEligibleCost' or the participants' 'approvedSpend'.");
        return validation;
    }
}

public sealed record CalculationParticipant(
    string? CityId, string? Side, decimal? ContributionWeight, long? PopulationExposed, decimal? DamageAvoided,
    decimal? DeclaredExposure, decimal? StandAloneCost, decimal? SeparableCost, decimal? ApprovedSpend)
{
    public ParticipantRequest AsParticipant() =>
        new(CityId, Side, ContributionWeight, PopulationExposed, DamageAvoided, DeclaredExposure, StandAloneCost, SeparableCost, null);
}
