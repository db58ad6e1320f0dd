using Platform.Messaging.Idempotency;
using Platform.ServiceDefaults.Security;

namespace CostSharing.Api.Features.Claims;

public static class ClaimEndpoints
{
    public static RouteGroupBuilder MapClaimEndpoints(this RouteGroupBuilder api)
    {
        var incidentClaims = api.MapGroup("/incidents/{incidentId:guid}/claims").WithTags("Cost claims");
        incidentClaims.MapPost("/", FileClaim.HandleAsync)
            .RequireAuthorization(CostSharingPolicies.City)
            .WithIdempotencyKey()
            .WithSummary("Files the calling city's cost claim for an incident it takes part in, before the deadline (city).");
        incidentClaims.MapGet("/", ReadClaims.ListForIncidentAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .WithSummary("Lists an incident's claims; a city sees only its own.");

        var claims = api.MapGroup("/claims").WithTags("Cost claims");
        claims.MapGet("/{claimId:guid}", ReadClaims.GetAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .WithSummary("Reads a claim with its history; a city only its own.");
        claims.MapPut("/{claimId:guid}", AmendClaim.HandleAsync)
            .RequireAuthorization(CostSharingPolicies.City)
            .WithSummary("Amends the calling city's claim before the deadline; the history keeps every version (city).");
        claims.MapPost("/{claimId:guid}/decision", DecideClaim.DecideAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .WithIdempotencyKey()
            .WithSummary("Approves in full or in part, or rejects with a reason (coordinating body).");
        claims.MapPost("/{claimId:guid}/revision", DecideClaim.ReviseAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .WithIdempotencyKey()
            .WithSummary("Revises a decision after the costs were finalized, with a reason; correct the allocation afterwards (coordinating body).");
        return claims;
    }
}
