using Evaluation.Api.Domain;
using Evaluation.Api.Domain.Criteria;
using Evaluation.Api.Domain.Incidents;
using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Domain.Scoring;
using Platform.Contracts;

namespace Evaluation.Api.Features.Rounds;

/// <summary>Builds a round from a validated request or from an incident whose response closed.</summary>
public static class RoundFactory
{
    /// <summary>How long an activity round opened by cost-sharing's closing of the response stays open for assessments.</summary>
    public static readonly TimeSpan ActivityRoundDuration = TimeSpan.FromDays(30);

    public static EvaluationRound Open(RoundRequest request, CriteriaFramework framework, List<Subject> subjects, EvaluatedIncident? incident, DateTimeOffset now)
    {
        var subjectIds = subjects.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var evaluators = (request.Evaluators ?? []).Select(e => new EvaluatorAssignment(e.EvaluatorId!, e.Subjects ?? [.. subjectIds])).ToList();
        var strangers = evaluators.SelectMany(e => e.Subjects).Where(s => !subjectIds.Contains(s)).Distinct().ToList();
        if (strangers.Count > 0)
        {
            throw new EvaluationRuleException("Not a subject", $"Evaluators are assigned to {string.Join(", ", strangers)}, which the round does not evaluate.");
        }

        var activity = request.Kind == EvaluationRound.ActivityKind;
        return new EvaluationRound
        {
            // One activity round per incident: its id is the incident's, so a second one is a conflict.
            Id = activity ? request.IncidentId!.Value : Guid.CreateVersion7(now),
            Kind = request.Kind!,
            IncidentId = request.IncidentId,
            Period = activity ? request.Period ?? now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : request.Period!,
            Title = request.Title ?? (activity ? $"Activity evaluation: {incident?.Title ?? request.IncidentId.ToString()}" : $"Participant evaluation {request.Period}"),
            FrameworkId = framework.FrameworkId,
            FrameworkVersion = framework.Version,
            Criteria = framework.Leaves,
            Subjects = subjects,
            Weights = request.Weights?.ToWeights() ?? GroupWeights.Default,
            Evaluators = evaluators,
            Inflation = request.ToInflation(),
            Incentives = request.ToIncentives() ?? IncentiveSchedule.Default,
            Currency = request.Currency ?? incident?.Currency ?? Currencies.Cny,
            Deadline = request.Deadline!.Value,
            Status = RoundStatus.Open,
            OpenedBy = "coordinating-body",
            OpenedAt = now,
        };
    }

    /// <summary>The activity round cost-sharing's closing of the response opens: the incident's cities and the coordinating body, defaults otherwise.</summary>
    public static EvaluationRound ForClosedIncident(EvaluatedIncident incident, CriteriaFramework framework, IReadOnlyDictionary<string, string> names, DateTimeOffset closedAt, DateTimeOffset now) => new()
    {
        Id = incident.Id,
        Kind = EvaluationRound.ActivityKind,
        IncidentId = incident.Id,
        Period = closedAt.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        Title = $"Activity evaluation: {incident.Title}",
        FrameworkId = framework.FrameworkId,
        FrameworkVersion = framework.Version,
        Criteria = framework.Leaves,
        Subjects = [.. incident.CityIds.Select(c => new Subject(c, Subject.City, names.GetValueOrDefault(c) ?? c)),
            new Subject(Subject.CoordinatingBodyId, Subject.CoordinatingBody, "Coordinating body")],
        Currency = incident.Currency,
        Deadline = closedAt + ActivityRoundDuration,
        Status = RoundStatus.Open,
        OpenedBy = "incident-closed",
        OpenedAt = now,
    };
}
