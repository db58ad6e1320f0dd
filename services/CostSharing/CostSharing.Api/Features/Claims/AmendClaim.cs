using Platform.ServiceDefaults.Errors;
using System.Security.Claims;
using CostSharing.Api.Domain.Claims;
using CostSharing.Api.Domain.Incidents;
using CostSharing.Api.Features.Shared;
using Marten;
using Platform.ServiceDefaults.Security;

namespace CostSharing.Api.Features.Claims;

/// <summary>
/// The city amends its own claim before the deadline; the earlier content stays in the history, and a
/// decided claim goes back for a fresh decision.
/// </summary>
public static class AmendClaim
{
    public static async Task<IResult> HandleAsync(
        Guid claimId, ClaimRequest request, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var claim = await session.LoadAsync<CostClaim>(claimId, cancellationToken);
        if (claim is null || claim.CityId != user.CityId())
        {
            return Problems.NotFound($"No claim {claimId}.");
        }

        var incident = await session.LoadAsync<Incident>(claim.IncidentId, cancellationToken);
        var validation = request.Validate(incident!.Currency);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = clock.GetUtcNow();
        incident.RequireOpenForClaims(now);
        claim.Amend(request.ToContent(), now, Access.Actor(user));
        session.Store(claim);
        // Touching the incident makes a claim change and a concurrent cost finalization conflict (409), so
        // no claim can slip in after the costs were closed.
        session.Store(incident);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(ClaimResponse.From(claim));
    }
}
