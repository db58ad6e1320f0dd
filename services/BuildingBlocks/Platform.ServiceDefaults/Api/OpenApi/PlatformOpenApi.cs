using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Api.OpenApi;

/// <summary>
/// The one place that makes every service's OpenAPI document a good basis for generated clients: stable
/// operation ids, descriptions, problem responses, idempotency and concurrency headers, domain examples, the info
/// block and described tags. Endpoints only say what is theirs (summary, tags, declared results); the rest is derived.
/// </summary>
public static class PlatformOpenApi
{
    public static IServiceCollection AddPlatformOpenApiConventions(this IServiceCollection services)
    {
        // ConfigureAll: applies to every document a service adds with AddOpenApi, before or after this call. Registered after
        // AddAuthorizationDocumentation, so the roles it writes are there when descriptions and 403s are derived.
        services.ConfigureAll<OpenApiOptions>(o =>
        {
            o.AddOperationTransformer(OperationConventions.ApplyAsync);
            o.AddSchemaTransformer(StringSchemas.ApplyAsync);
            o.AddSchemaTransformer(DomainExamples.ApplyAsync);
            o.AddDocumentTransformer(ServiceInfo.ApplyAsync);
        });
        return services;
    }
}
