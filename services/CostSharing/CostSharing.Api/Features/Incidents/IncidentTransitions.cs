using CostSharing.Api.Domain.Agreements;
using CostSharing.Api.Domain.Claims;
using CostSharing.Api.Domain.Incidents;
using CostSharing.Api.Features.Shared;
using CostSharing.Api.Integration;
using Marten;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Incidents;

/// <summary>The coordinating body moves an incident along its lifecycle; each step that others need is published.</summary>
public static class IncidentTransitions
{
    /// <summary>Confirms a reported incident, giving participants the rule inputs they lack when the body lists them.</summary>
    public static async Task<IResult> ConfirmAsync(
        Guid incidentId, ConfirmIncidentRequest? request, IDocumentSession session, EventOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = request?.Validate() ?? new RequestValidation();
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        return await TransitionAsync(incidentId, session, incident =>
        {
            incident.Confirm(clock.GetUtcNow(), request?.ToInputs());
            outbox.Enqueue(session, incident.Id.ToString(), incident.ToConfirmed());
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>The response closed at <c>closedAt</c> (default now; it may be recorded afterwards); the claim deadline starts from it.</summary>
    public static Task<IResult> CloseResponseAsync(
        Guid incidentId, CloseResponseRequest? request, IDocumentSession session, EventOutbox outbox, TimeProvider clock, CancellationToken cancellationToken) =>
        TransitionAsync(incidentId, session, async incident =>
        {
            var agreement = await session.LoadAsync<Agreement>(incident.AgreementId, cancellationToken);
            var terms = agreement!.Version(incident.AgreementVersion)!.Terms;
            var now = clock.GetUtcNow();
            incident.CloseResponse(request?.ClosedAt ?? now, terms.ClaimDeadlineDays, now);
            outbox.Enqueue(session, incident.Id.ToString(), incident.ToClosed());
        }, cancellationToken);

    public static Task<IResult> FinalizeCostsAsync(Guid incidentId, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        TransitionAsync(incidentId, session, async incident =>
        {
            var claims = await session.Query<CostClaim>().Where(c => c.IncidentId == incident.Id).Select(c => new { c.CityId, c.Status }).ToListAsync(cancellationToken);
            incident.FinalizeCosts(
                claims.Count(c => c.Status == ClaimStatus.Submitted),
                claims.Select(c => c.CityId).ToHashSet(StringComparer.Ordinal),
                clock.GetUtcNow());
        }, cancellationToken);

    /// <summary>Records that the fund settled every instruction of the allocation in force.</summary>
    public static Task<IResult> SettleAsync(Guid incidentId, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        TransitionAsync(incidentId, session, incident =>
        {
            incident.Settle(clock.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);

    private static async Task<IResult> TransitionAsync(Guid incidentId, IDocumentSession session, Func<Incident, Task> transition, CancellationToken cancellationToken)
    {
        var incident = await session.LoadAsync<Incident>(incidentId, cancellationToken);
        if (incident is null)
        {
            return Problems.NotFound($"No incident {incidentId}.");
        }

        await transition(incident);
        session.Store(incident);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(IncidentResponse.From(incident));
    }
}

public sealed record CloseResponseRequest(DateTimeOffset? ClosedAt);
