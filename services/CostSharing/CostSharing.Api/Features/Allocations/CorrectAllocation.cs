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
/// The coordinating body corrects the allocation in force after a revised claim decision: a new allocation
/// supersedes it, and only the differences are published (<c>AllocationSuperseded</c>) and settled.
/// </summary>
public static class CorrectAllocation
{
    public static async Task<IResult> HandleAsync(
        Guid incidentId, CorrectionRequest request, IDocumentSession session, EventOutbox outbox, ClaimsPrincipal user, TimeProvider clock,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            return Problems.BadRequest("reason", "'reason' is required (at most 2000 characters): say why the allocation is corrected.");
        }

        var incident = await session.LoadAsync<Incident>(incidentId, cancellationToken);
        if (incident is null)
        {
            return Problems.NotFound($"No incident {incidentId}.");
        }

        var current = incident.CurrentAllocationId is { } id ? await session.LoadAsync<Allocation>(id, cancellationToken) : null;
        if (current is null)
        {
            return Problems.Conflict("Nothing to correct", $"Incident {incidentId} has no finalized allocation yet.");
        }

        var now = clock.GetUtcNow();
        var costs = await IncidentCosts.ComputeAsync(session, incident, cancellationToken);
        var correction = AllocationFinalization.Correct(current, costs.Draft, costs.Settlement.DueDays, request.Reason.Trim(), now, Access.Actor(user));
        incident.RecordCorrection(current.Id, correction.Id);
        session.Store(incident);
        session.Insert(correction);
        outbox.Enqueue(session, incident.Id.ToString(), correction.ToSuperseded());
        var result = IdempotencyKeys.Complete(
            http, session, StatusCodes.Status201Created, AllocationResponse.From(correction, correction.Id), $"{CostSharingModule.RoutePrefix}/allocations/{correction.Id}");
        await session.SaveChangesAsync(cancellationToken);
        return result;
    }
}

public sealed record CorrectionRequest(string? Reason);
