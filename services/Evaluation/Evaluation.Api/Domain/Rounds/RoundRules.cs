using Evaluation.Api.Domain.Criteria;
using Evaluation.Api.Domain.Scoring;

namespace Evaluation.Api.Domain.Rounds;

/// <summary>A subject of a round: a member city, or the coordinating body itself (domain.md §3.3, participant evaluation).</summary>
public sealed record Subject(string Id, string Kind, string Name)
{
    public const string City = "city";
    public const string CoordinatingBody = "coordinating-body";

    /// <summary>The id under which the coordinating body is a subject and an assessor.</summary>
    public const string CoordinatingBodyId = "coordinating-body";

    public bool IsCity => Kind == City;
}

/// <summary>A third-party evaluator and the subjects it is assigned to assess.</summary>
public sealed record EvaluatorAssignment(string EvaluatorId, IReadOnlyList<string> Subjects);

/// <summary>
/// Everything that decides a round's results, fixed when the round opens: the criteria (a snapshot of the framework
/// version, so a later version never changes an open round), subjects, group weights, panel, inflation rule and
/// incentive schedule.
/// </summary>
public sealed record RoundRules(
    IReadOnlyList<LeafCriterion> Criteria,
    IReadOnlyList<Subject> Subjects,
    GroupWeights Weights,
    IReadOnlyList<EvaluatorAssignment> Evaluators,
    InflationPolicy Inflation,
    IncentiveSchedule Incentives);

/// <summary>One assessor's scores of one subject, as the calculation needs them.</summary>
public sealed record ScoreSheet(string SubjectId, AssessorGroup Group, string AssessorId, IReadOnlyDictionary<string, decimal> Scores);
