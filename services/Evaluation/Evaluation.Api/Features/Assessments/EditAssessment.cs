using System.Security.Claims;
using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Features.Shared;
using Marten;
using Platform.ServiceDefaults.Errors;

namespace Evaluation.Api.Features.Assessments;

/// <summary>The assessor edits its own assessment while the round is open; the subject cannot change. Another's is not found.</summary>
public static class EditAssessment
{
    public static async Task<IResult> HandleAsync(
        Guid roundId, Guid assessmentId, AssessmentRequest request, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var assessment = await session.LoadAsync<Assessment>(assessmentId, cancellationToken);
        var round = await session.LoadAsync<EvaluationRound>(roundId, cancellationToken);
        if (round is null || assessment is null || assessment.RoundId != roundId || assessment.Group != caller.Group || assessment.AssessorId != caller.AssessorId)
        {
            return Problems.NotFound($"No assessment {assessmentId} of yours in round {roundId}.");
        }

        if (request.SubjectId is not null && request.SubjectId != assessment.SubjectId)
        {
            return new RequestValidation().Require(false, "subjectId", $"An assessment stays with its subject ('{assessment.SubjectId}'); submit a new one for another.").ToProblem();
        }

        if (caller.RefusalToAssess(round, assessment.SubjectId) is { } refusal)
        {
            return Problems.Forbidden(refusal);
        }

        var now = clock.GetUtcNow();
        round.RequireOpenForAssessments(now);
        var validation = request.Validate(round);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        assessment.Edit(request.ToContent(), now);
        session.Store(assessment);
        session.Store(round);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(AssessmentResponse.From(assessment));
    }
}
