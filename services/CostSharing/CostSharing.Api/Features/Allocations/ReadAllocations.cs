using Platform.ServiceDefaults.Errors;
using System.Security.Claims;
using CostSharing.Api.Domain.Incidents;
using CostSharing.Api.Features.Shared;
using Marten;

namespace CostSharing.Api.Features.Allocations;

/// <summary>Allocations are read by whoever may see their incident: its cities, and every non-city role.</summary>
public static class ReadAllocations
{
    public static async Task<IResult> GetAsync(Guid allocationId, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var allocation = await session.LoadAsync<Allocation>(allocationId, cancellationToken);
        var incident = allocation is null ? null : await Access.VisibleIncidentAsync(session, allocation.IncidentId, user, cancellationToken);
        return incident is null
            ? Problems.NotFound($"No allocation {allocationId}.")
            : Results.Ok(AllocationResponse.From(allocation!, incident.CurrentAllocationId));
    }

    /// <summary>Every allocation of the incident, newest first: the one in force and those it superseded.</summary>
    public static async Task<IResult> ListForIncidentAsync(Guid incidentId, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var incident = await Access.VisibleIncidentAsync(session, incidentId, user, cancellationToken);
        if (incident is null)
        {
            return Problems.NotFound($"No incident {incidentId}.");
        }

        var allocations = await session.Query<Allocation>().Where(a => a.IncidentId == incidentId).OrderByDescending(a => a.FinalizedAt).ToListAsync(cancellationToken);
        return Results.Ok(allocations.Select(a => AllocationResponse.From(a, incident.CurrentAllocationId)).ToList());
    }
}
