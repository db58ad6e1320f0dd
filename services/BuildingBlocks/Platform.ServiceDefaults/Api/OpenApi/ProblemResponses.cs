using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Api.OpenApi;

/// <summary>
/// Declares every problem status an operation can answer, each with the RFC 9457 problem-details schema, so a
/// generated client can type its errors. Statuses an endpoint declares itself (<c>ProducesProblem</c>) are kept; the
/// rest follow from what the platform does to every request (architecture.md §5, §6):
/// 400 when there is anything to bind (parameters or a body), 401 when a token is required, 403 when not every role
/// is admitted, 404 when the path names an object, 413 and 415 when there is a body, the header-specific statuses
/// (<see cref="IRequestHeaderMetadata"/>), and 429 and 503, which the gateway answers for any route (its per-client
/// rate limit; a service it cannot reach).
/// </summary>
public static class ProblemResponses
{
    public const string MediaType = "application/problem+json";
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "HttpValidationProblemDetails";

    private static readonly Dictionary<int, string> Meanings = new()
    {
        [400] = "The request is malformed or a field is invalid; `errors` names each field.",
        [401] = "No token, or one that is expired or not issued by the platform.",
        [403] = "The token's role may not use this operation, or not on this object (a city acting for another).",
        [404] = "No such object, or one that belongs to another city (a city never learns that it exists).",
        [409] = "The request collides with the current state (a stale `If-Match`, a step already taken, a duplicate).",
        [413] = "The request body is larger than the endpoint accepts.",
        [415] = "The body is not in a media type the endpoint reads (send `application/json`).",
        [422] = "The request is well-formed but breaks a domain rule, or reuses an `Idempotency-Key` with another body.",
        [428] = "A required precondition header is missing (e.g. `Idempotency-Key` on a request that moves money).",
        [429] = "Too many requests from this client; `Retry-After` says when to try again.",
        [503] = "The service behind the gateway cannot be reached now; retry later.",
    };

    public static void Complete(OpenApiOperation operation, OpenApiOperationTransformerContext context, IEnumerable<int> headerStatuses)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var secured = !metadata.OfType<IAllowAnonymous>().Any() && operation.Security is { Count: > 0 };
        var hasBody = operation.RequestBody is not null;
        var statuses = new SortedSet<int>(headerStatuses) { 429, 503 };
        if (hasBody || operation.Parameters is { Count: > 0 })
        {
            statuses.Add(400);
        }

        if (secured)
        {
            statuses.Add(401);
            if (!AdmitsEveryRole(operation))
            {
                statuses.Add(403);
            }
        }

        if (context.Description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            statuses.Add(404);
        }

        if (hasBody)
        {
            statuses.UnionWith([413, 415]);
        }

        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse());
        }

        foreach (var (key, response) in operation.Responses.Where(r => r.Key.Length == 3 && r.Key[0] is '4' or '5').ToList())
        {
            operation.Responses[key] = Problem(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture), response, context.Document);
        }
    }

    private static bool AdmitsEveryRole(OpenApiOperation operation) =>
        operation.Extensions?.TryGetValue(AuthorizationDocumentation.RolesExtension, out var roles) == true
        && roles is JsonNodeExtension { Node: JsonArray list }
        && PlatformRoles.All.All(r => list.Any(n => n?.GetValue<string>() == r));

    private static OpenApiResponse Problem(int status, IOpenApiResponse declared, OpenApiDocument? document)
    {
        var schemaId = status == 400 ? ValidationProblemSchema : ProblemSchema;
        var response = new OpenApiResponse
        {
            Description = Meanings.TryGetValue(status, out var meaning) ? meaning : declared.Description ?? "A problem (RFC 9457).",
            Headers = declared.Headers is null ? null : new Dictionary<string, IOpenApiHeader>(declared.Headers),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [MediaType] = new()
                {
                    Schema = new OpenApiSchemaReference(schemaId, document),
                    Example = Example(status),
                },
            },
        };
        if (status == 429)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before trying again (RFC 9110 §10.2.3).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
            };
        }

        return response;
    }

    private static JsonObject Example(int status)
    {
        var example = new JsonObject
        {
            ["type"] = TypeUri(status),
            ["title"] = Title(status),
            ["status"] = status,
            ["detail"] = status switch
            {
                400 => "One or more fields are invalid.",
                409 => "The member is at version \"4\", not \"3\"; read it again and reapply your change.",
                422 => "A rule of the domain refuses the request, e.g. a cost claim of 1250.00 yuan filed after the incident's claim deadline.",
                428 => "This request moves money: send an Idempotency-Key header.",
                _ => Meanings[status],
            },
        };
        if (status == 400)
        {
            example["errors"] = new JsonObject { ["amount"] = new JsonArray("'amount' must be a positive yuan amount with at most two decimals, e.g. \"1250.00\".") };
        }

        return example;
    }

    /// <summary>The section of RFC 9110 (RFC 6585 for 428 and 429) that defines the status, as ASP.NET Core's problem details name it.</summary>
    private static string TypeUri(int status) => status switch
    {
        428 => "https://tools.ietf.org/html/rfc6585#section-3",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.5." + (status switch
        {
            400 => 1, 401 => 2, 403 => 4, 404 => 5, 409 => 10, 413 => 14, 415 => 16, 422 => 21, _ => 1,
        }).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Title(int status) => status switch
    {
        400 => "One or more validation errors occurred.",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "Unprocessable entity",
        428 => "Precondition required",
        429 => "Too many requests",
        503 => "Service unavailable",
        _ => "Error",
    };
}
