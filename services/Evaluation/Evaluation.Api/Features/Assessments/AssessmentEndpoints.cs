using Evaluation.Api.Infrastructure;
using Platform.Idempotency;
using Platform.ServiceDefaults.Security;

namespace Evaluation.Api.Features.Assessments;

public static class AssessmentEndpoints
{
    public static RouteGroupBuilder MapAssessmentEndpoints(this RouteGroupBuilder api)
    {
        var assessments = api.MapGroup("/rounds/{roundId:guid}/assessments").WithTags("Assessments");
        assessments.MapPost("/", SubmitAssessment.HandleAsync)
            .RequireAuthorization(EvaluationPolicies.Assessor)
            .WithIdempotencyKey()
            .Produces<AssessmentResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Submits an assessment: scores 0–100 per criterion, comments, evidence (evaluator: assigned subjects; coordinating body: all; city: itself).");
        assessments.MapPut("/{assessmentId:guid}", EditAssessment.HandleAsync)
            .RequireAuthorization(EvaluationPolicies.Assessor)
            .Produces<AssessmentResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Edits the caller's own assessment while the round is open.");
        assessments.MapGet("/", ReadAssessments.ListAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<List<AssessmentResponse>>()
            .WithSummary("Lists the caller's own assessments (the coordinating body and auditors: all of them once the round is closed).");
        assessments.MapGet("/{assessmentId:guid}", ReadAssessments.GetAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<AssessmentResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reads one assessment: the caller's own, or any once closed for the coordinating body and auditors.");
        return assessments;
    }
}
