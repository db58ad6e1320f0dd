using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Api;

/// <summary>
/// Writes into every service's OpenAPI document who may call each operation, read from the endpoint's own
/// authorization metadata: a bearer security requirement, the policies (<c>x-platform-policies</c>) and the roles
/// they admit (<c>x-platform-roles</c>). The gateway's API reference and the security suite read these, so the
/// access matrix is never a second table to keep in step with the code.
/// </summary>
/// <remarks>
/// Implementation note: roles are derived from the requirements the policy is made of. A requirement on the
/// <c>role</c> claim narrows the set, as does the mere presence of <c>city_id</c> (cities only carry it) or
/// <c>evaluator_id</c>; a requirement of an authenticated user leaves it; any other requirement (an assertion, a
/// particular claim value) cannot be read statically, so the operation gets no <c>x-platform-roles</c> at all
/// rather than a wrong one, and the suite refuses it until someone documents it.
/// </remarks>
public static class AuthorizationDocumentation
{
    public const string SchemeName = "bearer";
    public const string RolesExtension = "x-platform-roles";
    public const string PoliciesExtension = "x-platform-policies";

    public static IServiceCollection AddAuthorizationDocumentation(this IServiceCollection services)
    {
        // ConfigureAll: applies to every document a service adds with AddOpenApi, before or after this call.
        services.ConfigureAll<OpenApiOptions>(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An access token from the platform's OAuth 2.0 token endpoint (client credentials).",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(DescribeAsync);
        });
        return services;
    }

    private static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        var provider = context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorizeData = metadata.OfType<IAuthorizeData>().ToList();
        var policy = await AuthorizationPolicy.CombineAsync(provider, authorizeData, metadata.OfType<AuthorizationPolicy>())
            ?? await provider.GetFallbackPolicyAsync();
        if (policy is null)
        {
            return;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        var policyNames = authorizeData.Select(a => a.Policy).OfType<string>().Distinct().ToList();
        operation.Extensions[PoliciesExtension] = new JsonNodeExtension(ToArray(policyNames.Count > 0 ? policyNames : ["fallback"]));
        if (AllowedRoles(policy) is { } roles)
        {
            operation.Extensions[RolesExtension] = new JsonNodeExtension(ToArray(roles));
        }
    }

    /// <summary>The platform roles the policy admits, or null when a requirement says more than roles can express.</summary>
    public static IReadOnlyList<string>? AllowedRoles(AuthorizationPolicy policy)
    {
        IEnumerable<string> roles = PlatformRoles.All;
        foreach (var requirement in policy.Requirements)
        {
            switch (requirement)
            {
                case DenyAnonymousAuthorizationRequirement:
                    break;
                case ClaimsAuthorizationRequirement { ClaimType: PlatformClaims.Role, AllowedValues: { } allowed }:
                    roles = roles.Intersect(allowed, StringComparer.Ordinal);
                    break;
                case RolesAuthorizationRequirement byRole:
                    roles = roles.Intersect(byRole.AllowedRoles, StringComparer.Ordinal);
                    break;
                case ClaimsAuthorizationRequirement { ClaimType: PlatformClaims.CityId, AllowedValues: null }:
                    roles = roles.Intersect([PlatformRoles.City], StringComparer.Ordinal);
                    break;
                case ClaimsAuthorizationRequirement { ClaimType: PlatformClaims.EvaluatorId, AllowedValues: null }:
                    roles = roles.Intersect([PlatformRoles.Evaluator], StringComparer.Ordinal);
                    break;
                case ClaimsAuthorizationRequirement { ClaimType: PlatformClaims.ClientId or PlatformClaims.Subject, AllowedValues: null }:
                    break;
                default:
                    return null;
            }
        }

        return roles.ToList();
    }

    private static JsonArray ToArray(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
