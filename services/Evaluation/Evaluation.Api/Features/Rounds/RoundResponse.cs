using Evaluation.Api.Domain.Criteria;
using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Domain.Scoring;

namespace Evaluation.Api.Features.Rounds;

public sealed record RoundResponse(
    Guid Id, string Kind, Guid? IncidentId, string Period, string Title, string Status, string FrameworkId, int FrameworkVersion,
    IReadOnlyList<LeafCriterion> Criteria, IReadOnlyList<Subject> Subjects, GroupWeights Weights, IReadOnlyList<EvaluatorAssignment> Evaluators,
    decimal InflationThreshold, string InflationAction, IReadOnlyDictionary<string, GradeIncentive> Incentives, string Currency,
    DateTimeOffset Deadline, string OpenedBy, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, DateTimeOffset? PublishedAt)
{
    /// <param name="evaluatorId">Set for an evaluator caller: it sees only its own assignment, not the rest of the panel.</param>
    public static RoundResponse From(EvaluationRound r, string? evaluatorId = null) => new(
        r.Id, r.Kind, r.IncidentId, r.Period, r.Title, EvaluationRound.StatusName(r.Status), r.FrameworkId, r.FrameworkVersion, r.Criteria, r.Subjects,
        r.Weights, evaluatorId is null ? r.Evaluators : [.. r.Evaluators.Where(e => e.EvaluatorId == evaluatorId)],
        r.Inflation.Threshold, r.Inflation.Action.ToString().ToLowerInvariant(), r.Incentives.ByGrade, r.Currency,
        r.Deadline, r.OpenedBy, r.OpenedAt, r.ClosedAt, r.PublishedAt);
}
