using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.Api.OpenApi;

/// <summary>
/// The document-level parts: the <c>info</c> block from the service's <see cref="ServiceApiDescription"/> (Chinese and
/// English, contact, licence, version), a described tag for every tag in use, a "who may call what" table generated
/// from the operations' <c>x-platform-roles</c>, and the problem-details schemas every error response refers to.
/// </summary>
public static class ServiceInfo
{
    /// <summary>An SPDX "LicenseRef" (SPDX 2.3 §10.1): the API is offered to the alliance's members under its own terms.</summary>
    public const string LicenseIdentifier = "LicenseRef-Alliance-API-Terms";

    public static async Task ApplyAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var environment = (Microsoft.Extensions.Hosting.IHostEnvironment?)context.ApplicationServices.GetService(typeof(Microsoft.Extensions.Hosting.IHostEnvironment));
        var description = environment is null ? null : ServiceApiDescription.Find(environment.ApplicationName);
        var operations = (document.Paths ?? []).SelectMany(p => p.Value.Operations ?? []).Select(o => o.Value).ToList();

        document.Info ??= new OpenApiInfo();
        document.Info.Title = description?.Title ?? document.Info.Title;
        document.Info.Version = description?.Version ?? "1.0.0";
        document.Info.Description = Introduce(description, operations);
        document.Info.Contact = new OpenApiContact { Name = "Coordinating body, platform operations (协调机构平台运维)" };
        document.Info.License = new OpenApiLicense { Name = "Alliance API terms of use (联盟接口使用条款)", Identifier = LicenseIdentifier };

        var used = operations.SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
        {
            Name = name,
            Description = description?.Tags.GetValueOrDefault(name),
        }));

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(ProblemResponses.ProblemSchema))
        {
            document.Components.Schemas[ProblemResponses.ProblemSchema] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        }

        if (!document.Components.Schemas.ContainsKey(ProblemResponses.ValidationProblemSchema))
        {
            document.Components.Schemas[ProblemResponses.ValidationProblemSchema] = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, cancellationToken);
        }
    }

    private static string Introduce(ServiceApiDescription? description, List<OpenApiOperation> operations)
    {
        var text = new StringBuilder();
        if (description is not null)
        {
            text.Append(description.English).Append("\n\n").Append(description.Chinese).Append("\n\n");
        }

        text.Append("## Who may call what (谁可以调用什么)\n\n")
            .Append("Generated from each operation's authorization policy (`x-platform-roles`). A city reads only its own records ")
            .Append("plus what the alliance publishes; another city's object answers 404.\n\n")
            .Append("| role | operations |\n|---|---|\n");
        foreach (var role in Security.PlatformRoles.All)
        {
            var allowed = operations.Count(o => Roles(o).Contains(role, StringComparer.Ordinal));
            text.Append("| `").Append(role).Append("` | ").Append(allowed).Append(" of ").Append(operations.Count).Append(" |\n");
        }

        text.Append("\nErrors are RFC 9457 problem details (`application/problem+json`). Versioning and deprecation: see docs/api-versioning.md ")
            .Append("(`Deprecation`, RFC 9745; `Sunset`, RFC 8594).");
        return text.ToString();
    }

    private static IEnumerable<string> Roles(OpenApiOperation operation) =>
        operation.Extensions?.TryGetValue(AuthorizationDocumentation.RolesExtension, out var roles) == true && roles is JsonNodeExtension { Node: JsonArray list }
            ? list.Select(n => n?.GetValue<string>()).OfType<string>()
            : [];
}
