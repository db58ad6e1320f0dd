using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.Api.OpenApi;

/// <summary>
/// Completes every operation from the endpoint's own metadata, so no endpoint repeats what the platform already knows:
/// a stable <c>operationId</c>, a description saying who may call it and which headers it honours, the headers
/// themselves (<c>Idempotency-Key</c>, <c>If-Match</c>), and every problem status it can answer (see
/// <see cref="ProblemResponses"/>).
/// </summary>
/// <remarks>
/// Implementation note: the operationId is <c>{service}.{name}</c>. The service is the route's second segment
/// (<c>/api/fund/...</c> → <c>fund</c>), the name the endpoint's <c>WithName</c> if it has one, otherwise the handler:
/// <c>PostEntry.HandleAsync</c> → <c>postEntry</c>, <c>DecideClaim.DecideAsync</c> → <c>decideClaim</c>,
/// <c>DecideClaim.ReviseAsync</c> → <c>decideClaim.revise</c>.
/// Handlers are named after use cases (one per file), so the id is as stable as the use case; renaming a handler
/// changes it, which the breaking-change check (docs/api-versioning.md) reports as a removed operation.
/// </remarks>
public static class OperationConventions
{
    public static Task ApplyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (OperationId(context.Description.RelativePath, metadata) is { } id)
        {
            operation.OperationId = id;
        }

        var headers = metadata.OfType<IRequestHeaderMetadata>().DistinctBy(h => h.HeaderName).ToList();
        ProblemResponses.Complete(operation, context, headers.SelectMany(h => h.Statuses));
        foreach (var header in headers)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.HeaderName,
                In = ParameterLocation.Header,
                Required = header is not IfMatchMetadata && operation.Responses?.ContainsKey("428") == true,
                Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                Example = JsonValue.Create(header is IfMatchMetadata ? "\"3\"" : "claim-hangzhou-2026-07-0001"),
            });
        }

        if (string.IsNullOrWhiteSpace(operation.Description))
        {
            operation.Description = Describe(operation, headers);
        }

        if (metadata.OfType<DeprecatedEndpointMetadata>().LastOrDefault() is { } deprecated)
        {
            operation.Deprecated = true;
            operation.Description += $"\n\n**Deprecated** since {deprecated.Since:yyyy-MM-dd}; answers until {deprecated.Sunset:yyyy-MM-dd} "
                + "(`Deprecation` and `Sunset` headers, RFC 9745 / RFC 8594)" + (deprecated.Successor is null ? "." : $"; use {deprecated.Successor} instead.");
        }

        return Task.CompletedTask;
    }

    public static string? OperationId(string? relativePath, IList<object> metadata)
    {
        var segments = (relativePath ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var service = segments.Length > 1 && segments[0] == "api" ? Camel(segments[1]) : null;
        string? name = null;
        if (metadata.OfType<IEndpointNameMetadata>().LastOrDefault() is { } named)
        {
            name = named.EndpointName;
        }
        else if (metadata.OfType<MethodInfo>().FirstOrDefault() is { DeclaringType: { } type } method && !method.Name.Contains('<', StringComparison.Ordinal))
        {
            var verb = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^5] : method.Name;
            var owner = type.Name.EndsWith("Endpoints", StringComparison.Ordinal) ? type.Name[..^9] : type.Name;
            name = verb is "Handle" || owner.StartsWith(verb, StringComparison.Ordinal) ? Camel(owner) : $"{Camel(owner)}.{Camel(verb)}";
        }

        return name is null ? null : service is null || name.StartsWith(service + ".", StringComparison.Ordinal) ? name : $"{service}.{name}";
    }

    private static string Describe(OpenApiOperation operation, IReadOnlyList<IRequestHeaderMetadata> headers)
    {
        var text = new StringBuilder(operation.Summary);
        if (operation.Extensions?.TryGetValue(AuthorizationDocumentation.RolesExtension, out var roles) == true && roles is JsonNodeExtension { Node: JsonArray list })
        {
            text.Append("\n\n**Who may call:** ").AppendJoin(", ", list.Select(r => $"`{r}`")).Append('.');
        }
        else if (operation.Security is not { Count: > 0 })
        {
            text.Append("\n\n**Who may call:** anyone, without a token.");
        }

        foreach (var header in headers)
        {
            text.Append("\n\n**").Append(header.HeaderName).Append(":** ").Append(header.Description);
        }

        return text.ToString();
    }

    private static string Camel(string value)
    {
        var parts = value.Split('-', StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Concat(parts.Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        return joined.Length == 0 ? joined : char.ToLowerInvariant(joined[0]) + joined[1..];
    }
}
