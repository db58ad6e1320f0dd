using Platform.ServiceDefaults.Errors;
using System.Security.Claims;
using CostSharing.Api.Domain.Incidents;
using CostSharing.Api.Features.Shared;
using Marten;

namespace CostSharing.Api.Features.Allocations;

/// <summary>
/// A dry run of an incident's allocation from the claims decided so far, for anyone who may see the
/// incident: what each city would pay, be owed and why. Nothing is stored or published.
/// </summary>
public static class PreviewAllocation
{
    public static async Task<IResult> HandleAsync(Guid incidentId, IQuerySession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var incident = await Access.VisibleIncidentAsync(session, incidentId, user, cancellationToken);
        if (incident is null)
        {
            return Problems.NotFound($"No incident {incidentId}.");
        }

        var costs = await IncidentCosts.ComputeAsync(session, incident, cancellationToken);
        var due = AllocationFinalization.DueDate(clock.GetUtcNow(), costs.Settlement.DueDays);
        return Results.Ok(AllocationPreviewResponse.From(incident.Id, costs.Draft, costs.PendingClaims, due));
    }
}
