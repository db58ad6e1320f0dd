using Platform.ServiceDefaults.Security;

namespace Evaluation.Api.Features.Calculators;

/// <summary>The evaluation maths as calculators for any role: the same code the rounds use, nothing stored.</summary>
public static class CalculatorEndpoints
{
    public static RouteGroupBuilder MapCalculatorEndpoints(this RouteGroupBuilder api)
    {
        var calculators = api.MapGroup("/calculators").WithTags("Calculators");
        calculators.MapPost("/ahp", CalculateAhp.Handle)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<AhpResponse>()
            .ProducesValidationProblem()
            .WithSummary("AHP: weights (principal eigenvector), λmax, consistency index and ratio of a pairwise comparison matrix.");
        calculators.MapPost("/topsis", CalculateTopsis.Handle)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<TopsisResponse>()
            .ProducesValidationProblem()
            .WithSummary("TOPSIS (vector normalisation, Euclidean distances): closeness of each alternative and the ranking.");
        calculators.MapPost("/composite", CalculateComposite.Handle)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<CompositeResponse>()
            .ProducesValidationProblem()
            .WithSummary("Composite score of assessor groups (re-normalised when a group is missing) and its grade.");
        return calculators;
    }
}
