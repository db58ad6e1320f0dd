using Platform.ServiceDefaults.Security;

namespace TrustScore.Api.Features.Calculator;

public static class CalculatorEndpoints
{
    public static RouteGroupBuilder MapCalculatorEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/calculator", CalculateTrust.Handle)
            .WithTags("Calculator")
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<CalculatorResponse>()
            .ProducesValidationProblem()
            .WithSummary("Computes r, s, the score, uncertainty and tier from weighted outcomes (oldest first) and a forgetting factor; nothing is stored (any role).");
        return api;
    }
}
