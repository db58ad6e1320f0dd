using Evaluation.Api.Domain.Criteria;
using Evaluation.Api.Domain.Scoring;
using Platform.Contracts;

namespace Evaluation.Api.Domain.Rounds;

public enum RoundStatus
{
    Open,
    Closed,
    Published,
}

/// <summary>A good practice the coordinating body publishes with the results (the seed's "publish typical experience").</summary>
public sealed record GoodPractice(string? SubjectId, string Title, string Summary);

/// <summary>
/// An evaluation round (domain.md §3.3): an activity round per incident, or a participant round per period. It is open
/// for assessments until closed, then published once; published results are immutable.
/// </summary>
public sealed partial class EvaluationRound
{
    public const string ActivityKind = "activity";
    public const string ParticipantKind = "participant";

    public Guid Id { get; set; }

    public string Kind { get; set; } = ParticipantKind;

    public Guid? IncidentId { get; set; }

    public string Period { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string FrameworkId { get; set; } = string.Empty;

    public int FrameworkVersion { get; set; }

    public List<LeafCriterion> Criteria { get; set; } = [];

    public List<Subject> Subjects { get; set; } = [];

    public GroupWeights Weights { get; set; } = GroupWeights.Default;

    public List<EvaluatorAssignment> Evaluators { get; set; } = [];

    public InflationPolicy Inflation { get; set; } = InflationPolicy.Default;

    public IncentiveSchedule Incentives { get; set; } = IncentiveSchedule.Default;

    public string Currency { get; set; } = Currencies.Cny;

    public DateTimeOffset Deadline { get; set; }

    public RoundStatus Status { get; set; }

    /// <summary>Who opened it: the coordinating body, or cost-sharing closing the incident's response.</summary>
    public string OpenedBy { get; set; } = string.Empty;

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public RoundResults? Results { get; set; }

    public List<GoodPractice> GoodPractices { get; set; } = [];

    public RoundRules Rules() => new(Criteria, Subjects, Weights, Evaluators, Inflation, Incentives);

    public Subject? SubjectOf(string? id) => Subjects.FirstOrDefault(s => s.Id == id);

    public bool Assigns(string? evaluatorId, string subjectId) =>
        Evaluators.Any(e => e.EvaluatorId == evaluatorId && e.Subjects.Contains(subjectId, StringComparer.Ordinal));

    public bool HasEvaluator(string? evaluatorId) => Evaluators.Any(e => e.EvaluatorId == evaluatorId);
}
