using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Platform.Messaging.Outbox;

/// <summary>
/// The coordinator's call to publish a range of the outbox again (by position): after a consumer lost data beyond the
/// topic's retention, or to release a row the relay parked. The relay sends the range again in position order;
/// consumers drop what they already applied (inbox). Rows older than the outbox's retention are gone and say so.
/// </summary>
public static class OutboxEndpoints
{
    public const int MaxRange = 100_000;

    public static RouteGroupBuilder MapOutboxAdmin(this IEndpointRouteBuilder endpoints, string routePrefix)
    {
        var group = endpoints.MapGroup($"{routePrefix}/admin/outbox")
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .WithTags("Operations");
        group.MapPost("/republish", RepublishAsync)
            .WithSummary("Publishes the outbox rows with positions from..to again, in order (consumers deduplicate); also releases parked rows.");
        return group;
    }

    public sealed record RepublishRequest(long? From, long? To);

    public sealed record RepublishResponse(long From, long To, int Requeued, long? OldestKept);

    private static async Task<IResult> RepublishAsync(
        RepublishRequest request, NpgsqlDataSource dataSource, MessagingTables tables, OutboxSignal signal, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Require(request.From is >= 1, "from", "'from' is a position, at least 1.")
            .Require(request.To is not null && request.To >= request.From, "to", "'to' is a position, not below 'from'.")
            .Require(request.To - request.From < MaxRange, "to", $"At most {MaxRange} rows at a time.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var command = dataSource.CreateCommand(
            $"""
            with requeued as (
                update {tables.Outbox} set published_at = null, parked_at = null, own_failures = 0
                where position between @from and @to returning 1)
            select (select count(*) from requeued)::int, (select min(position) from {tables.Outbox})
            """);
        command.Parameters.AddWithValue("from", request.From!.Value);
        command.Parameters.AddWithValue("to", request.To!.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var response = new RepublishResponse(request.From.Value, request.To.Value, reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt64(1));
        signal.Notify();
        return Results.Ok(response);
    }
}
