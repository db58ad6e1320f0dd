using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Persistence;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Platform.Idempotency;

/// <summary>Replays, refuses or admits a request carrying an <c>Idempotency-Key</c>.</summary>
/// <remarks>
/// Implementation note (<see cref="IdempotencyGuard.Lock"/>, the default): requests with the same caller and key run one at a time (a PostgreSQL advisory lock on the pair,
/// held by a connection of its own until the request has finished). The second one therefore looks for the stored
/// response only after the first has committed, and replays it, instead of running the use case again and meeting its
/// domain guard ("already finalized") or a version conflict, which would answer differently. The lock is freed if its
/// connection dies. With <see cref="IdempotencyGuard.RecordFirst"/> there is no lock and no round trip of its own before
/// the use case: the key's record, written in each request's own transaction, lets at most one of them commit, and only
/// a request that did not commit looks for the record.
/// </remarks>
internal sealed class IdempotencyFilter(NpgsqlDataSource dataSource, IdempotencyTables tables, IOptions<JsonOptions> json) : IEndpointFilter
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
        var hash = await IdempotencyKeys.HashAsync(http.Request, CanonicalBody(context));
        if (http.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpointMetadata>()?.Guard == IdempotencyGuard.RecordFirst)
        {
            return await AdmitFirstRecordedAsync(context, next, caller, key, hash);
        }

        var pair = $"{tables.Idempotency}|{caller}|{key}";
        await using var gate = await dataSource.OpenConnectionAsync(http.RequestAborted);
        try
        {
            // One round trip: take the pair's lock, then look for the stored response (measured: the separate look-up
            // before the lock, the lock and the look-up after it were three of a money-moving request's round trips).
            if (await LockAndFindAsync(gate, pair, caller, key, http.RequestAborted) is { } stored)
            {
                return Replay(http, stored, hash);
            }

            return await AdmitAsync(context, next, caller, key, hash);
        }
        finally
        {
            await UnlockAsync(gate, pair);
        }
    }

    /// <summary>The canonical form of the JSON body the endpoint bound, if it hashes that (<see cref="IdempotencyRequestHash.BoundBody"/>).</summary>
    private byte[]? CanonicalBody(EndpointFilterInvocationContext context)
    {
        var type = IdempotencyKeys.BoundJsonBodyType(context.HttpContext.GetEndpoint());
        return type is not null && context.Arguments.FirstOrDefault(a => a is not null && a.GetType() == type) is { } body
            ? CanonicalJson.Of(body, type, json.Value.SerializerOptions)
            : null;
    }

    /// <summary>
    /// Frees the pair's lock. A connection the database dropped (a restart, an outage) has lost its session and the
    /// lock with it: there is nothing to free, and trying would replace the request's own failure, answered 503 by the
    /// store's handler, with "connection is not open", a 500.
    /// </summary>
    private static async Task UnlockAsync(NpgsqlConnection gate, string pair)
    {
        if (gate.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended($1, 0))", gate);
            unlock.Parameters.AddWithValue(pair);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection broke while unlocking: its session, and the lock, are gone with it.
        }
    }

    private async ValueTask<object?> AdmitAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string caller, string key, string hash)
    {
        var http = context.HttpContext;
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

    /// <summary>
    /// <see cref="IdempotencyGuard.RecordFirst"/>: the use case runs at once, with no look-up before it. A success it
    /// answers came after its transaction, which wrote this key's record, committed: no request with this key had
    /// committed before (the record's primary key would have refused this one), so there is nothing to replay. Any
    /// other outcome — a failure, or a refusal that wrote nothing — may be a retry of, or a duplicate beside, a request
    /// that did commit: if a record of the key is there now, its response is the answer (replayed, or 422 for another
    /// body).
    /// </summary>
    private async ValueTask<object?> AdmitFirstRecordedAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string caller, string key, string hash)
    {
        var http = context.HttpContext;
        var pending = new IdempotencyKeys.PendingRequest(caller, key, hash);
        IdempotencyKeys.SetPending(http, pending);
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception)
        {
            if (await FindAsync(caller, key, CancellationToken.None) is { } winner)
            {
                return Replay(http, winner, hash);
            }

            throw;
        }

        if (pending.Recorded && result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 })
        {
            return result;
        }

        return await FindAsync(caller, key, http.RequestAborted) is { } stored ? Replay(http, stored, hash) : result;
    }

    private async Task<StoredResponse?> FindAsync(string caller, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(FindSql(tables));
        command.Parameters.AddWithValue(caller);
        command.Parameters.AddWithValue(key);
        return await ReadAsync(command, cancellationToken);
    }

    private static IResult Replay(HttpContext http, StoredResponse stored, string hash)
    {
        if (!string.Equals(stored.Hash, hash, StringComparison.Ordinal))
        {
            return Problems.Unprocessable(
                "Idempotency-Key reused", "This Idempotency-Key was already used with a different request; use a new key for a new request.");
        }

        http.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        return new StoredJsonResult(stored.StatusCode, stored.Location, stored.Body);
    }

    private async Task<StoredResponse?> LockAndFindAsync(NpgsqlConnection gate, string pair, string caller, string key, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(gate);
        var locking = new NpgsqlBatchCommand("select pg_advisory_lock(hashtextextended($1, 0))");
        locking.Parameters.AddWithValue(pair);
        batch.BatchCommands.Add(locking);
        var find = batch.CreateBatchCommand();
        find.CommandText = FindSql(tables);
        find.Parameters.AddWithValue(caller);
        find.Parameters.AddWithValue(key);
        batch.BatchCommands.Add(find);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return await ReadAsync(reader, cancellationToken);
    }

    private static string FindSql(IdempotencyTables tables) =>
        $"select request_hash, status_code, location, response_body from {tables.Idempotency} where caller = $1 and idempotency_key = $2";

    private static async Task<StoredResponse?> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadAsync(reader, cancellationToken);
    }

    private static async Task<StoredResponse?> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredResponse(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3));
    }

    private sealed record StoredResponse(string Hash, int StatusCode, string? Location, string Body);
}
