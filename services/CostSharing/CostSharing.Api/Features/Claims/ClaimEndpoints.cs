using Platform.Idempotency;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;

namespace CostSharing.Api.Features.Claims;

public static class ClaimEndpoints
{
    public static RouteGroupBuilder MapClaimEndpoints(this RouteGroupBuilder api)
    {
        var incidentClaims = api.MapGroup("/incidents/{incidentId:guid}/claims").WithTags("Cost claims");
        incidentClaims.MapPost("/", FileClaim.HandleAsync)
            .RequireAuthorization(CostSharingPolicies.City)
            .Produces<ClaimResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey()
            .WithSummary("Files the calling city's cost claim for an incident it takes part in, before the deadline (city).");
        incidentClaims.MapGet("/", ReadClaims.ListForIncidentAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<Page<ClaimResponse>>()
            .WithSummary("Lists an incident's claims; a city sees only its own.");

        var claims = api.MapGroup("/claims").WithTags("Cost claims");
        claims.MapGet("/{claimId:guid}", ReadClaims.GetAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<ClaimResponse>()
            .WithSummary("Reads a claim with its history; a city only its own.");
        claims.MapPut("/{claimId:guid}", AmendClaim.HandleAsync)
            .RequireAuthorization(CostSharingPolicies.City)
            .Produces<ClaimResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Amends the calling city's claim before the deadline; the history keeps every version (city).");
        claims.MapPost("/{claimId:guid}/decision", DecideClaim.DecideAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<ClaimResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey()
            .WithSummary("Approves in full or in part, or rejects with a reason (coordinating body).");
        claims.MapPost("/{claimId:guid}/revision", DecideClaim.ReviseAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<ClaimResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey()
            .WithSummary("Revises a decision after the costs were finalized, with a reason; correct the allocation afterwards (coordinating body).");
        return claims;
    }
}
