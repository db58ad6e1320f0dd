using System.Security.Claims;
using Evaluation.Api.Domain;
using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Features.Shared;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace Evaluation.Api.Features.Assessments;

/// <summary>
/// An assessor submits its assessment of one subject: a third-party evaluator only a subject it is assigned
/// to, the coordinating body any subject, a city only itself; otherwise 403. Checked in that order: who, then when, then
/// what, and nothing is written unless all pass.
/// </summary>
public static class SubmitAssessment
{
    public static async Task<IResult> HandleAsync(
        Guid roundId, AssessmentRequest request, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var round = await session.LoadAsync<EvaluationRound>(roundId, cancellationToken);
        if (round is null || !(caller.MaySee(round) || caller.Group == Domain.Scoring.AssessorGroup.ThirdParty))
        {
            return Problems.NotFound($"No evaluation round {roundId}.");
        }

        if (string.IsNullOrWhiteSpace(request.SubjectId))
        {
            return new RequestValidation().RequireText(request.SubjectId, "subjectId").ToProblem();
        }

        if (caller.RefusalToAssess(round, request.SubjectId) is { } refusal)
        {
            return Problems.Forbidden(refusal);
        }

        if (round.SubjectOf(request.SubjectId) is null)
        {
            return new RequestValidation().Require(false, "subjectId", $"'{request.SubjectId}' is not a subject of round {roundId}.").ToProblem();
        }

        var now = clock.GetUtcNow();
        round.RequireOpenForAssessments(now);
        var validation = request.Validate(round);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var id = Assessment.IdFor(round.Id, caller.Group!.Value, caller.AssessorId!, request.SubjectId);
        if (await session.LoadAsync<Assessment>(id, cancellationToken) is not null)
        {
            throw new EvaluationRuleException("Already assessed", $"'{caller.AssessorId}' has already assessed '{request.SubjectId}' in this round; edit that assessment ({id}) instead.", conflict: true);
        }

        var assessment = Assessment.Submit(round.Id, request.SubjectId, caller.Group.Value, caller.AssessorId!, request.ToContent(), now);
        session.Insert(assessment);
        // Touching the round makes an assessment and a concurrent close conflict (409): nothing slips in after closing.
        session.Store(round);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, AssessmentResponse.From(assessment),
            $"{EvaluationModule.RoutePrefix}/rounds/{round.Id}/assessments/{assessment.Id}");
        await session.SaveChangesAsync(cancellationToken);
        return result;
    }
}
