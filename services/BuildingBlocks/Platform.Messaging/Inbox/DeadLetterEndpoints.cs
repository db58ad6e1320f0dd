using System.Text;
using Confluent.Kafka;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Messaging.Inbox.Parking;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Platform.Messaging.Inbox;

/// <summary>
/// Operator calls for dead letters and parked messages: list them, replay a dead letter through the normal idempotent
/// path once its cause is fixed, or discard it. Either decision frees the dead letter's key, so the messages parked
/// behind it apply in order. Served beside the service's API under <c>/api/{service}/admin</c>, for the coordinating body.
/// </summary>
public static class DeadLetterEndpoints
{
    public static RouteGroupBuilder MapDeadLetterAdmin(this IEndpointRouteBuilder endpoints, string routePrefix)
    {
        var admin = endpoints.MapGroup($"{routePrefix}/admin")
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .WithTags("Operations");
        admin.MapGet("/parked", ListParkedAsync)
            .WithSummary("Lists parked messages in release order: waiting for a dependency, behind an earlier one of their key, or dead letters holding their key.");
        var group = admin.MapGroup("/dead-letters");
        group.MapGet("/", ListAsync).WithSummary("Lists messages this service could not apply.");
        group.MapPost("/{id:guid}/replay", ReplayAsync).WithSummary("Applies a dead-lettered message again (idempotent) and frees its key.");
        group.MapPost("/{id:guid}/discard", DiscardAsync).WithSummary("Gives a dead-lettered message up for good and frees its key.");
        return group;
    }

    private static async Task<IResult> ListParkedAsync(ParkingLot parking, string? state, int? limit, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Require(state is null or ParkedState.Waiting or ParkedState.Dead, "state", $"'state' is '{ParkedState.Waiting}' or '{ParkedState.Dead}'.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        return Results.Ok(await parking.ListAsync(state, Math.Clamp(limit ?? 200, 1, 1000), cancellationToken));
    }

    private static async Task<IResult> ListAsync(IQuerySession session, bool? includeReplayed, CancellationToken cancellationToken)
    {
        var letters = await session.Query<DeadLetter>()
            .Where(d => includeReplayed == true || d.ReplayedAt == null)
            .OrderByDescending(d => d.FailedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        return Results.Ok(letters);
    }

    private static async Task<IResult> ReplayAsync(
        Guid id, IDocumentSession session, InboxProcessor processor, ParkingSignal release, CancellationToken cancellationToken)
    {
        var letter = await session.LoadAsync<DeadLetter>(id, cancellationToken);
        if (letter is null)
        {
            return Problems.NotFound($"No dead letter {id}.");
        }

        InboxOutcome outcome;
        try
        {
            outcome = await processor.ProcessAsync(ToMessage(letter), deadLetterOnFailure: false, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            return Problems.Unprocessable("Replay failed", ex.Message);
        }

        letter.ReplayedAt = DateTimeOffset.UtcNow;
        letter.ReplayOutcome = outcome.ToString();
        session.Store(letter);
        await session.SaveChangesAsync(cancellationToken);
        release.Notify();
        return Results.Ok(new { id, outcome = outcome.ToString() });
    }

    private static async Task<IResult> DiscardAsync(
        Guid id, IDocumentSession session, ParkingLot parking, ParkingSignal release, CancellationToken cancellationToken)
    {
        var letter = await session.LoadAsync<DeadLetter>(id, cancellationToken);
        if (letter is null)
        {
            return Problems.NotFound($"No dead letter {id}.");
        }

        if (letter.ReplayedAt is not null)
        {
            return Problems.Unprocessable("Already decided", $"Dead letter {id} was already {letter.ReplayOutcome?.ToLowerInvariant()} at {letter.ReplayedAt:O}.");
        }

        letter.ReplayedAt = DateTimeOffset.UtcNow;
        letter.ReplayOutcome = "Discarded";
        session.Store(letter);
        letter.Headers.TryGetValue(Envelope.HeaderNames.Type, out var type);
        parking.QueueDiscard(session, id, type ?? "unknown", ToMessage(letter));
        await session.SaveChangesAsync(cancellationToken);
        release.Notify();
        return Results.Ok(new { id, outcome = letter.ReplayOutcome });
    }

    private static IncomingMessage ToMessage(DeadLetter letter)
    {
        var headers = new Headers();
        foreach (var (name, value) in letter.Headers)
        {
            headers.Add(name, Encoding.UTF8.GetBytes(value));
        }

        return new IncomingMessage(letter.Topic, letter.Partition, letter.Offset, letter.Key, headers, Encoding.UTF8.GetBytes(letter.Payload));
    }
}
