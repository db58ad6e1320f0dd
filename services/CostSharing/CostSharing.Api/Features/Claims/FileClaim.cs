using Platform.ServiceDefaults.Errors;
using System.Security.Claims;
using CostSharing.Api.Domain.Claims;
using CostSharing.Api.Features.Shared;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Security;

namespace CostSharing.Api.Features.Claims;

/// <summary>A city files its own costs for an incident it takes part in, before the claim deadline.</summary>
public static class FileClaim
{
    public static async Task<IResult> HandleAsync(
        Guid incidentId, ClaimRequest request, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, HttpContext http,
        CancellationToken cancellationToken)
    {
        var (incident, aid, refused) = await AidClaims.ResolveAsync(session, incidentId, request.AidId, user, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var validation = request.Validate(incident!.Currency);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = clock.GetUtcNow();
        incident.RequireOpenForClaims(now);
        var claim = CostClaim.File(incident.Id, user.CityId()!, incident.Currency, request.ToContent(), now);
        claim.AidId = aid?.Id;
        claim.AidRequesterCityId = aid?.RequesterCityId;
        session.Insert(claim);
        // Touching the incident makes a claim change and a concurrent cost finalization conflict (409), so
        // no claim can slip in after the costs were closed.
        session.Store(incident);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, ClaimResponse.From(claim), $"{CostSharingModule.RoutePrefix}/claims/{claim.Id}");
        await session.SaveChangesAsync(cancellationToken);
        return result;
    }
}
