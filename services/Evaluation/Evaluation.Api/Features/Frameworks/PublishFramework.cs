using System.Text.RegularExpressions;
using Evaluation.Api.Domain.Criteria;
using Evaluation.Api.Domain.Rounds;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace Evaluation.Api.Features.Frameworks;

/// <param name="Comparisons">The top-level criteria's pairwise matrix (AHP), or null when they carry direct weights.</param>
public sealed partial record FrameworkRequest(string? FrameworkId, string? Kind, string? Name, List<Criterion>? Criteria, List<List<double>>? Comparisons)
{
    public RequestValidation Validate()
    {
        var validation = new RequestValidation()
            .RequireText(Name, "name")
            .Require(FrameworkId is not null && IdPattern().IsMatch(FrameworkId), "frameworkId", "'frameworkId' is 1–64 lower-case letters, digits or dashes.")
            .Require(Kind is EvaluationRound.ActivityKind or EvaluationRound.ParticipantKind, "kind", "'kind' is activity or participant.")
            .Require(Criteria is { Count: > 0 }, "criteria", "'criteria' lists at least one criterion.");
        return validation;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    public static partial Regex IdPattern();
}

/// <summary>
/// Publishes the next version of a criteria framework (version 1 of a new id; a built-in template's first own version
/// is 2). The tree is refused whole when it cannot be weighed, e.g. an AHP matrix with CR ≥ 0.1 (422, with its CR).
/// </summary>
public static class PublishFramework
{
    public static async Task<IResult> HandleAsync(FrameworkRequest request, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var previous = await FrameworkCatalog.FindAsync(session, request.FrameworkId!, null, cancellationToken);
        var framework = CriteriaFramework.Publish(
            request.FrameworkId!, (previous?.Version ?? 0) + 1, request.Kind!, request.Name!, request.Criteria!, request.Comparisons, clock.GetUtcNow());
        // Insert, not store: two publishers racing for one version number conflict (409) instead of overwriting.
        session.Insert(framework);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, FrameworkResponse.From(framework),
            $"{EvaluationModule.RoutePrefix}/frameworks/{framework.FrameworkId}?version={framework.Version}");
        await session.SaveChangesAsync(cancellationToken);
        return result;
    }
}
