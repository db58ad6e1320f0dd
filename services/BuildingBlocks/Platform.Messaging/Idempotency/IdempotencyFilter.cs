using Microsoft.AspNetCore.Http;
using Npgsql;
using Platform.Messaging.Inbox;
using Platform.Messaging.Store;

namespace Platform.Messaging.Idempotency;

/// <summary>Replays, refuses or admits a request carrying an <c>Idempotency-Key</c>.</summary>
internal sealed class IdempotencyFilter(NpgsqlDataSource dataSource, MessagingTables tables) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[IdempotencyKeys.HeaderName].ToString();
        if (key.Length == 0)
        {
            return await next(context);
        }

        if (key.Length > IdempotencyKeys.MaxKeyLength)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "Invalid Idempotency-Key",
                detail: $"The Idempotency-Key header must be at most {IdempotencyKeys.MaxKeyLength} characters.");
        }

        var caller = IdempotencyKeys.Caller(http);
        var hash = await IdempotencyKeys.HashAsync(http.Request);
        if (await FindAsync(caller, key, http.RequestAborted) is { } stored)
        {
            return Replay(http, stored, hash);
        }

        IdempotencyKeys.SetPending(http, new IdempotencyKeys.PendingRequest(caller, key, hash));
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (TransientFailures.IsUniqueViolationOn(ex, "platform_idempotency"))
        {
            var winner = await FindAsync(caller, key, http.RequestAborted)
                ?? throw new InvalidOperationException("Idempotency record vanished after a key conflict.", ex);
            return Replay(http, winner, hash);
        }
    }

    private static IResult Replay(HttpContext http, StoredResponse stored, string hash)
    {
        if (!string.Equals(stored.Hash, hash, StringComparison.Ordinal))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was already used with a different request; use a new key for a new request.");
        }

        http.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        if (stored.Location is not null)
        {
            http.Response.Headers.Location = stored.Location;
        }

        return Results.Text(stored.Body, "application/json", System.Text.Encoding.UTF8, stored.StatusCode);
    }

    private async Task<StoredResponse?> FindAsync(string caller, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select request_hash, status_code, location, response_body from {tables.Idempotency} where caller = @caller and idempotency_key = @key");
        command.Parameters.AddWithValue("caller", caller);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredResponse(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3));
    }

    private sealed record StoredResponse(string Hash, int StatusCode, string? Location, string Body);
}
