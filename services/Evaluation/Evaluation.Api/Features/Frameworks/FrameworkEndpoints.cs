using Platform.Idempotency;
using Platform.ServiceDefaults.Security;

namespace Evaluation.Api.Features.Frameworks;

public static class FrameworkEndpoints
{
    public static RouteGroupBuilder MapFrameworkEndpoints(this RouteGroupBuilder api)
    {
        var frameworks = api.MapGroup("/frameworks").WithTags("Criteria frameworks");
        frameworks.MapPost("/", PublishFramework.HandleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .WithIdempotencyKey()
            .Produces<FrameworkResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Publishes the next version of a criteria framework; direct or AHP weights, CR ≥ 0.1 refused (coordinating body).");
        frameworks.MapGet("/", ReadFrameworks.ListAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<List<FrameworkResponse>>()
            .WithSummary("Lists the latest version of every framework, the built-in activity and participant templates included.");
        frameworks.MapGet("/{frameworkId}", ReadFrameworks.GetAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<FrameworkResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reads a framework version (the latest without ?version=) with its resolved leaf weights.");
        return frameworks;
    }
}
