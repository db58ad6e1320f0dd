using Platform.ServiceDefaults.Errors;
using System.Security.Claims;
using CostSharing.Api.Domain;
using CostSharing.Api.Domain.Claims;
using CostSharing.Api.Domain.Incidents;
using CostSharing.Api.Features.Shared;
using CostSharing.Api.Integration;
using Marten;
using Platform.Idempotency;
using Platform.Messaging.Outbox;

namespace CostSharing.Api.Features.Claims;

/// <summary>
/// The coordinating body approves a claim in full or in part, or rejects it with a reason; an approval is
/// published as <c>ClaimApproved</c>. After the costs are finalized a decision can only be revised, with a
/// reason, and the allocation in force is then corrected by a superseding one.
/// </summary>
public static class DecideClaim
{
    public static Task<IResult> DecideAsync(
        Guid claimId, ClaimDecisionRequest request, IDocumentSession session, EventOutbox outbox, ClaimsPrincipal user, TimeProvider clock,
        HttpContext http, CancellationToken cancellationToken) =>
        HandleAsync(claimId, request, revising: false, session, outbox, user, clock, http, cancellationToken);

    public static Task<IResult> ReviseAsync(
        Guid claimId, ClaimDecisionRequest request, IDocumentSession session, EventOutbox outbox, ClaimsPrincipal user, TimeProvider clock,
        HttpContext http, CancellationToken cancellationToken) =>
        HandleAsync(claimId, request, revising: true, session, outbox, user, clock, http, cancellationToken);

    private static async Task<IResult> HandleAsync(
        Guid claimId, ClaimDecisionRequest request, bool revising, IDocumentSession session, EventOutbox outbox, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = request.Validate(reasonAlways: revising);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var claim = await session.LoadAsync<CostClaim>(claimId, cancellationToken);
        if (claim is null)
        {
            return Problems.NotFound($"No claim {claimId}.");
        }

        var incident = await session.LoadAsync<Incident>(claim.IncidentId, cancellationToken);
        var now = clock.GetUtcNow();
        if (revising)
        {
            RequireStatus(incident!, "revised", IncidentStatus.CostsFinalized, IncidentStatus.Allocated);
            claim.Revise(request.ToDecision(), now, Access.Actor(user));
        }
        else
        {
            RequireStatus(incident!, "decided", IncidentStatus.Confirmed, IncidentStatus.ResponseClosed);
            claim.Decide(request.ToDecision(), now, Access.Actor(user));
        }

        session.Store(claim);
        // Touching the incident makes a claim change and a concurrent cost finalization conflict (409), so
        // no claim can slip in after the costs were closed.
        session.Store(incident!);
        if (claim.Status is ClaimStatus.Approved or ClaimStatus.PartlyApproved)
        {
            outbox.Enqueue(session, claim.IncidentId.ToString(), claim.ToApproved());
        }

        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status200OK, ClaimResponse.From(claim));
        await session.SaveChangesAsync(cancellationToken);
        return result;
    }

    private static void RequireStatus(Incident incident, string action, params IncidentStatus[] allowed)
    {
        if (!allowed.Contains(incident.Status))
        {
            throw new RuleViolationException(
                "Wrong incident state",
                $"Claims of a {IncidentStatusNames.Of(incident.Status)} incident cannot be {action}; allowed while {string.Join(" or ", allowed.Select(IncidentStatusNames.Of))}.",
                conflict: true);
        }
    }
}
