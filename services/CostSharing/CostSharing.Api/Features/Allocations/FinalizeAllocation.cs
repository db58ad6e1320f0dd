using Platform.ServiceDefaults.Errors;
using System.Security.Claims;
using CostSharing.Api.Domain.Incidents;
using CostSharing.Api.Features.Shared;
using CostSharing.Api.Integration;
using Marten;
using Platform.Idempotency;
using Platform.Messaging.Outbox;

namespace CostSharing.Api.Features.Allocations;

/// <summary>
/// The coordinating body finalizes an incident's allocation once its costs are final. The allocation is
/// immutable; finalizing again is refused (409), and a change goes through a correction.
/// </summary>
public static class FinalizeAllocation
{
    public static async Task<IResult> HandleAsync(
        Guid incidentId, IDocumentSession session, EventOutbox outbox, ClaimsPrincipal user, TimeProvider clock, HttpContext http,
        CancellationToken cancellationToken)
    {
        var incident = await session.LoadAsync<Incident>(incidentId, cancellationToken);
        if (incident is null)
        {
            return Problems.NotFound($"No incident {incidentId}.");
        }

        var now = clock.GetUtcNow();
        var costs = await IncidentCosts.ComputeAsync(session, incident, cancellationToken);
        var allocation = AllocationFinalization.Finalize(incident.Id, costs.Draft, costs.Settlement.DueDays, now, Access.Actor(user));
        incident.RecordAllocation(allocation.Id, now);
        session.Store(incident);
        session.Insert(allocation);
        outbox.Enqueue(session, incident.Id.ToString(), allocation.ToFinalized());
        var result = IdempotencyKeys.Complete(
            http, session, StatusCodes.Status201Created, AllocationResponse.From(allocation, allocation.Id), $"{CostSharingModule.RoutePrefix}/allocations/{allocation.Id}");
        await session.SaveChangesAsync(cancellationToken);
        return result;
    }
}
