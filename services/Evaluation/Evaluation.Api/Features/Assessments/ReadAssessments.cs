using System.Security.Claims;
using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Features.Shared;
using Marten;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Evaluation.Api.Features.Assessments;

/// <summary>
/// Nobody sees another's draft: while a round is open every assessor sees only its own assessments. Once it is closed,
/// the coordinating body and auditors see them all (they stand behind the published results); evaluators and cities
/// still only their own.
/// </summary>
public static class ReadAssessments
{
    public static async Task<IResult> ListAsync(Guid roundId, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var round = await session.LoadAsync<EvaluationRound>(roundId, cancellationToken);
        if (round is null || !caller.MaySee(round))
        {
            return Problems.NotFound($"No evaluation round {roundId}.");
        }

        var query = session.Query<Assessment>().Where(a => a.RoundId == roundId);
        if (!SeesAll(caller, round))
        {
            if (caller.Group is not { } group || caller.AssessorId is not { } assessor)
            {
                return Results.Ok(new List<AssessmentResponse>());
            }

            query = query.Where(a => a.Group == group && a.AssessorId == assessor);
        }

        var assessments = await query.OrderBy(a => a.SubjectId).ThenBy(a => a.AssessorId).ToListAsync(cancellationToken);
        return Results.Ok(assessments.Select(AssessmentResponse.From).ToList());
    }

    public static async Task<IResult> GetAsync(Guid roundId, Guid assessmentId, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var round = await session.LoadAsync<EvaluationRound>(roundId, cancellationToken);
        var assessment = await session.LoadAsync<Assessment>(assessmentId, cancellationToken);
        var mine = assessment is not null && assessment.Group == caller.Group && assessment.AssessorId == caller.AssessorId;
        return round is not null && assessment is not null && assessment.RoundId == roundId && caller.MaySee(round) && (mine || SeesAll(caller, round))
            ? Results.Ok(AssessmentResponse.From(assessment))
            : Problems.NotFound($"No assessment {assessmentId} in round {roundId}.");
    }

    private static bool SeesAll(Caller caller, EvaluationRound round) =>
        round.Status != RoundStatus.Open && caller.Role is PlatformRoles.Coordinator or PlatformRoles.Auditor;
}
