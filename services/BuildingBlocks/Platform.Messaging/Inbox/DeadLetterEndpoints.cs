using Platform.ServiceDefaults.Errors;
using System.Text;
using Confluent.Kafka;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.ServiceDefaults.Security;

namespace Platform.Messaging.Inbox;

/// <summary>
/// Operator calls for dead letters: list them, and replay one through the normal idempotent path once
/// its cause is fixed. Served beside the service's API under <c>/api/{service}/admin</c>, for the
/// coordinating body.
/// </summary>
public static class DeadLetterEndpoints
{
    public static RouteGroupBuilder MapDeadLetterAdmin(this IEndpointRouteBuilder endpoints, string routePrefix)
    {
        var group = endpoints.MapGroup($"{routePrefix}/admin/dead-letters")
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .WithTags("Operations");
        group.MapGet("/", ListAsync).WithSummary("Lists messages this service could not apply.");
        group.MapPost("/{id:guid}/replay", ReplayAsync).WithSummary("Applies a dead-lettered message again (idempotent).");
        return group;
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

    private static async Task<IResult> ReplayAsync(Guid id, IDocumentSession session, InboxProcessor processor, CancellationToken cancellationToken)
    {
        var letter = await session.LoadAsync<DeadLetter>(id, cancellationToken);
        if (letter is null)
        {
            return Problems.NotFound($"No dead letter {id}.");
        }

        var headers = new Headers();
        foreach (var (name, value) in letter.Headers)
        {
            headers.Add(name, Encoding.UTF8.GetBytes(value));
        }

        var message = new IncomingMessage(letter.Topic, letter.Partition, letter.Offset, letter.Key, headers, Encoding.UTF8.GetBytes(letter.Payload));
        InboxOutcome outcome;
        try
        {
            outcome = await processor.ProcessAsync(message, deadLetterOnFailure: false, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            return Problems.Unprocessable("Replay failed", ex.Message);
        }

        letter.ReplayedAt = DateTimeOffset.UtcNow;
        letter.ReplayOutcome = outcome.ToString();
        session.Store(letter);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(new { id, outcome = outcome.ToString() });
    }
}
