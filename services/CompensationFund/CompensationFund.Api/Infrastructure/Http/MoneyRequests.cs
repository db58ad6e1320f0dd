using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Infrastructure.Http;

/// <summary>
/// Every POST that moves money requires an <c>Idempotency-Key</c> (428 without one: a retry after a lost answer
/// must never post twice), and its request is recognised by what it says, not how it was spelled.
/// </summary>
/// <remarks>
/// Implementation note: the platform's idempotency filter hashes the request body's bytes, so a client that
/// re-serialized its retry (other property order, <c>1.5</c> for <c>1.50</c>, an explicit <c>null</c>) was refused
/// with 422. This filter runs first and replaces the buffered body with the canonical form of the body the endpoint
/// bound: properties lower-cased and sorted, nulls dropped, numbers written in their shortest exact form. Bodies the
/// handler reads itself (a bank statement's CSV) are hashed as sent.
/// </remarks>
public static class MoneyRequests
{
    public static RouteHandlerBuilder MovesMoney(this RouteHandlerBuilder endpoint, IdempotencyGuard guard = IdempotencyGuard.Lock) =>
        endpoint.AddEndpointFilter<RequireIdempotencyKey>().WithIdempotencyKey(guard)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private sealed class RequireIdempotencyKey(IOptions<JsonOptions> json) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            if (http.Request.Headers[IdempotencyKeys.HeaderName].ToString().Length == 0)
            {
                return Problems.PreconditionRequired(
                    $"This request moves money: send an {IdempotencyKeys.HeaderName} header (a new unique value per request, the same one on a retry).");
            }

            var bodyType = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            if (bodyType is not null && context.Arguments.FirstOrDefault(a => a is not null && a.GetType() == bodyType) is { } body)
            {
                var canonical = Canonical(JsonSerializer.SerializeToNode(body, bodyType, json.Value.SerializerOptions));
                http.Request.Body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(canonical));
            }

            return await next(context);
        }
    }

    /// <summary>The canonical form of a JSON value (see the remarks).</summary>
    public static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => p.Value is not null)
            .Select(p => KeyValuePair.Create(p.Key.ToLowerInvariant(), Canonical(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)),
        JsonArray a => new JsonArray([.. a.Select(Canonical)]),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) =>
            JsonValue.Create(d / 1.0000000000000000000000000000m),
        _ => node?.DeepClone(),
    };
}
