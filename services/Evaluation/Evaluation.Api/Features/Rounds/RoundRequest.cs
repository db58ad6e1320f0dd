using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Domain.Scoring;
using Platform.ServiceDefaults.Errors;

namespace Evaluation.Api.Features.Rounds;

public sealed record WeightsRequest(decimal? ThirdParty, decimal? Coordinator, decimal? Self)
{
    public GroupWeights ToWeights() => new(ThirdParty ?? 0m, Coordinator ?? 0m, Self ?? 0m);
}

public sealed record EvaluatorRequest(string? EvaluatorId, List<string>? Subjects);

public sealed record InflationRequest(decimal? Threshold, string? Action);

public sealed record IncentiveRequest(decimal? Reward, decimal? Penalty);

/// <summary>
/// Opens a round. Omitted parts take their defaults: the kind's template framework (latest version), the incident's
/// participants (activity) or every member (participant) plus the coordinating body as subjects, weights 0.6/0.25/0.15,
/// inflation 10 points capped, the default incentive schedule, CNY.
/// </summary>
public sealed record RoundRequest(
    string? Kind, Guid? IncidentId, string? Period, string? Title, string? FrameworkId, int? FrameworkVersion, List<string>? Subjects,
    bool? IncludeCoordinatingBody, WeightsRequest? Weights, List<EvaluatorRequest>? Evaluators, DateTimeOffset? Deadline,
    InflationRequest? Inflation, Dictionary<string, IncentiveRequest>? Incentives, string? Currency)
{
    public const int MaximumSubjects = 1_000;
    public const int MaximumEvaluators = 200;

    public RequestValidation Validate(DateTimeOffset now)
    {
        var validation = new RequestValidation()
            .Require(Kind is EvaluationRound.ActivityKind or EvaluationRound.ParticipantKind, "kind", "'kind' is activity or participant.")
            .Require(Kind != EvaluationRound.ActivityKind || IncidentId is not null, "incidentId", "An activity round evaluates one incident: give 'incidentId'.")
            .Require(Kind != EvaluationRound.ParticipantKind || Domain.Rounds.Period.Parse(Period) is not null, "period", "'period' is a year (2026), half (2026-H1), quarter (2026-Q3) or month (2026-07).")
            .Require(Title is null || Title.Length <= 200, "title", "'title' is at most 200 characters.")
            .Require(Deadline is { } d && d > now, "deadline", "'deadline' is a moment in the future.")
            .Require(Currency is null || (Currency.Length == 3 && Currency.All(char.IsAsciiLetterUpper)), "currency", "'currency' is an ISO 4217 code such as CNY.")
            .Require(Subjects is null || (Subjects.Count <= MaximumSubjects && Subjects.All(s => !string.IsNullOrWhiteSpace(s)) && Subjects.Distinct().Count() == Subjects.Count),
                "subjects", $"'subjects' names up to {MaximumSubjects} member cities, each once.");
        ValidateEvaluators(validation, Evaluators ?? []);
        foreach (var problem in Weights?.ToWeights().Problems() ?? [])
        {
            validation.Add("weights", problem);
        }

        if (Inflation is not null)
        {
            validation.Require(Inflation.Threshold is >= 0 and <= 100, "inflation.threshold", "'threshold' is 0–100 points.")
                .Require(Inflation.Action is "cap" or "drop", "inflation.action", "'action' is cap or drop.");
        }

        foreach (var problem in ToIncentives()?.Problems() ?? [])
        {
            validation.Add("incentives", problem);
        }

        return validation;
    }

    public static RequestValidation ValidateEvaluators(RequestValidation validation, List<EvaluatorRequest> evaluators)
    {
        validation.Require(evaluators.Count <= MaximumEvaluators, "evaluators", $"At most {MaximumEvaluators} evaluators.");
        for (var i = 0; i < evaluators.Count; i++)
        {
            validation.RequireText(evaluators[i]?.EvaluatorId, $"evaluators[{i}].evaluatorId", 100);
        }

        return validation.Require(evaluators.Select(e => e?.EvaluatorId).Distinct().Count() == evaluators.Count, "evaluators", "Each evaluator is listed once.");
    }

    public InflationPolicy ToInflation() => Inflation is null
        ? InflationPolicy.Default
        : new(Inflation.Threshold!.Value, Inflation.Action == "drop" ? InflationAction.Drop : InflationAction.Cap);

    public IncentiveSchedule? ToIncentives() => Incentives is null
        ? null
        : new(Incentives.ToDictionary(i => i.Key, i => new GradeIncentive(i.Value?.Reward ?? 0m, i.Value?.Penalty ?? 0m)));
}
