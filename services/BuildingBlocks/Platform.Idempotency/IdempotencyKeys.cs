using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Security;

namespace Platform.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> for POSTs that create money movements, claims or assessments (architecture.md §5):
/// the same key with the same request replays the first response; with a different request it is refused.
/// </summary>
/// <remarks>
/// Implementation note: the stored response commits in the same transaction as the state change (the
/// handler calls <see cref="Complete"/> before <c>SaveChangesAsync</c>), so a crash can never leave a
/// change without its recorded response or the reverse. Two concurrent requests with one key both run;
/// the second trips the primary key, rolls back whole, and is answered with the first one's response.
/// Keys are scoped to the calling client (<c>sub</c>) and kept for <see cref="Retention"/>.
/// </remarks>
public static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotency-Replayed";
    public const int MaxKeyLength = 200;
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private const string ItemKey = "platform.idempotency";

    /// <summary>
    /// Adds the idempotency filter to an endpoint; <paramref name="guard"/> says how same-key requests in flight are kept
    /// apart, <paramref name="hash"/> what of the request identifies it.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotencyKey(
        this RouteHandlerBuilder endpoint, IdempotencyGuard guard = IdempotencyGuard.Lock, IdempotencyRequestHash hash = IdempotencyRequestHash.SentBody) =>
        endpoint.AddEndpointFilter<IdempotencyFilter>()
            .WithMetadata(new IdempotentEndpointMetadata(guard, hash));

    /// <summary>
    /// Buffers the body of requests that carry a key, so the filter can hash what was sent; not for an endpoint that
    /// hashes the body it bound (<see cref="IdempotencyRequestHash.BoundBody"/>), which never reads the bytes again.
    /// </summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.ContainsKey(HeaderName) && BoundJsonBodyType(context.GetEndpoint()) is null)
            {
                context.Request.EnableBuffering();
            }

            await next(context);
        });

    /// <summary>
    /// Records the response of an idempotent request in <paramref name="session"/> (call before saving it) and
    /// returns the result to answer with. Without a key in the request it only builds the result.
    /// </summary>
    public static IResult Complete(HttpContext http, IDocumentSession session, int statusCode, object body, string? location = null)
    {
        var response = Prepare(http, statusCode, body, location);
        response.RecordIn(session);
        return response.Result;
    }

    /// <summary>
    /// Like <see cref="Complete"/>, for a use case whose change commits in a session other than the request's (the
    /// fund's group commit): the response is serialized now and recorded by <see cref="IdempotentResponse.RecordIn"/>
    /// in whichever session carries the change.
    /// </summary>
    public static IdempotentResponse Prepare(HttpContext http, int statusCode, object body, string? location = null)
    {
        if (http.Items[ItemKey] is not PendingRequest pending)
        {
            return new IdempotentResponse(
                statusCode == StatusCodes.Status201Created && location is not null ? Results.Created(location, body) : Results.Json(body, statusCode: statusCode),
                null);
        }

        var tables = http.RequestServices.GetRequiredService<IdempotencyTables>();
        var json = JsonSerializer.Serialize(body, body.GetType(), http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        return new IdempotentResponse(new StoredJsonResult(statusCode, location, json), new StoredResponse(tables.Idempotency, pending, statusCode, location, json));
    }

    internal static void SetPending(HttpContext http, PendingRequest pending) => http.Items[ItemKey] = pending;

    /// <summary>The request's hash: its method, path and query, then its body as sent (when buffered) or <paramref name="canonicalBody"/>.</summary>
    internal static async Task<string> HashAsync(HttpRequest request, byte[]? canonicalBody = null)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (canonicalBody is not null)
        {
            sha.AppendData(canonicalBody);
        }
        else
        {
            // Buffered by the middleware already, except on an endpoint declared to hash its bound body that bound none
            // (it reads the body itself, after this filter): buffered here, before the handler reads it.
            request.EnableBuffering();
            request.Body.Position = 0;
            var buffer = ArrayPool<byte>.Shared.Rent(8192);
            try
            {
                int read;
                while ((read = await request.Body.ReadAsync(buffer)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            request.Body.Position = 0;
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>The type of the JSON body the endpoint binds, if it hashes that body rather than the bytes sent.</summary>
    internal static Type? BoundJsonBodyType(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IdempotentEndpointMetadata>() is { Hash: IdempotencyRequestHash.BoundBody }
        && endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } type } accepts
        && accepts.ContentTypes.Any(t => t.EndsWith("json", StringComparison.OrdinalIgnoreCase))
            ? type
            : null;

    internal sealed record PendingRequest(string Caller, string Key, string Hash)
    {
        /// <summary>The response was queued into a session: if the use case then answers a success, it committed with it.</summary>
        public bool Recorded { get; set; }
    }
}

/// <summary>Marks endpoints that honour <c>Idempotency-Key</c> (for documentation and tests); the OpenAPI conventions declare the header from it.</summary>
public sealed class IdempotentEndpointMetadata(IdempotencyGuard guard = IdempotencyGuard.Lock, IdempotencyRequestHash hash = IdempotencyRequestHash.SentBody)
    : Platform.ServiceDefaults.Api.OpenApi.IRequestHeaderMetadata
{
    public IdempotencyGuard Guard { get; } = guard;

    public IdempotencyRequestHash Hash { get; } = hash;

    public string HeaderName => IdempotencyKeys.HeaderName;

    public string Description =>
        "A new unique value per request (at most 200 characters), the same one on a retry: the first response is replayed for "
        + "7 days instead of acting twice; the same key with another body is refused with 422.";

    public IReadOnlyList<int> Statuses { get; } = [Microsoft.AspNetCore.Http.StatusCodes.Status422UnprocessableEntity];
}
