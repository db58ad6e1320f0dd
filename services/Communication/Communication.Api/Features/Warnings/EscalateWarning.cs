using System.Security.Claims;
using Communication.Api.Domain.Warnings;
using Marten;
using Platform.Contracts.Communication;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Communication.Api.Features.Warnings;

/// <summary>
/// The coordinating body or the sender escalates a warning into an incident: <c>WarningEscalated</c> makes cost-sharing open a
/// reported incident with the sender as origin and the reached cities as candidate affected cities, for the coordinator to
/// confirm. Once per warning; a cancellation is not escalated.
/// </summary>
public static class EscalateWarning
{
    public static async Task<IResult> HandleAsync(
        Guid id, ClaimsPrincipal user, IDocumentSession session, EventOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var warning = await WarningAccess.VisibleAsync(session, id, user, cancellationToken);
        if (warning is null)
        {
            return Problems.NotFound($"No warning {id}.");
        }

        if (user.IsCity() && warning.SenderCityId != user.CityId())
        {
            return Problems.Forbidden("Only the sender or the coordinating body escalates a warning.");
        }

        if (warning.IsCancellation)
        {
            return Problems.Unprocessable("Cancellation", "A cancellation cannot be escalated; escalate the warning it cancelled before it was cancelled.");
        }

        if (warning.EscalatedAt is not null)
        {
            return Problems.Conflict("Already escalated", $"Warning {id} was escalated at {warning.EscalatedAt:O}.");
        }

        var now = clock.GetUtcNow();
        warning.EscalatedAt = now;
        session.Store(warning);
        outbox.Enqueue(session, warning.Id.ToString(), new WarningEscalated(
            warning.Id, warning.SenderCityId, warning.Category, warning.Level.Name(), warning.Event, warning.Headline ?? warning.Event,
            warning.ReachedCityIds, warning.Sent, now));
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(WarningResponse.From(warning));
    }
}
