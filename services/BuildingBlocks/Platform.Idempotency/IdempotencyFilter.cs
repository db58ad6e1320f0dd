using Microsoft.AspNetCore.Http;
using Npgsql;
using Platform.Persistence;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Platform.Idempotency;

/// <summary>Replays, refuses or admits a request carrying an <c>Idempotency-Key</c>.</summary>
/// <remarks>
/// Implementation note: requests with the same caller and key run one at a time (a PostgreSQL advisory lock on the pair,
/// held by a connection of its own until the request has finished). The second one therefore looks for the stored
/// response only after the first has committed, and replays it, instead of running the use case again and meeting its
/// domain guard ("already finalized") or a version conflict, which would answer differently. The lock is freed if its
/// connection dies.
/// </remarks>
internal sealed class IdempotencyFilter(NpgsqlDataSource dataSource, IdempotencyTables tables) : IEndpointFilter
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
            return new RequestValidation()
                .Require(false, IdempotencyKeys.HeaderName, $"The Idempotency-Key header must be at most {IdempotencyKeys.MaxKeyLength} characters.")
                .ToProblem();
        }

        var caller = http.User.Caller();
        var hash = await IdempotencyKeys.HashAsync(http.Request);
        if (await FindAsync(caller, key, http.RequestAborted) is { } stored)
        {
            return Replay(http, stored, hash);
        }

        await using var gate = await dataSource.OpenConnectionAsync(http.RequestAborted);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_lock(hashtextextended(@pair, 0))", gate))
        {
            lockCommand.Parameters.AddWithValue("pair", $"{tables.Idempotency}|{caller}|{key}");
            await lockCommand.ExecuteNonQueryAsync(http.RequestAborted);
        }

        try
        {
            return await AdmitAsync(context, next, caller, key, hash);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended(@pair, 0))", gate);
            unlock.Parameters.AddWithValue("pair", $"{tables.Idempotency}|{caller}|{key}");
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async ValueTask<object?> AdmitAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string caller, string key, string hash)
    {
        var http = context.HttpContext;
        if (await FindAsync(caller, key, http.RequestAborted) is { } stored)
        {
            return Replay(http, stored, hash);
        }

        IdempotencyKeys.SetPending(http, new IdempotencyKeys.PendingRequest(caller, key, hash));
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (UniqueViolation.IsOn(ex, IdempotencyTables.TableName))
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
            return Problems.Unprocessable(
                "Idempotency-Key reused", "This Idempotency-Key was already used with a different request; use a new key for a new request.");
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
