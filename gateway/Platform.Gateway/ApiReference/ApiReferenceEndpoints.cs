using Platform.Gateway.ApiReference.AsyncApi;
using Platform.ServiceDefaults.Errors;
using Scalar.AspNetCore;

namespace Platform.Gateway.ApiReference;

/// <summary>
/// The API reference (architecture.md §5): <c>/openapi</c> lists the services' documents, <c>/openapi/{service}.json</c>
/// serves each as the gateway presents it, and <c>/docs</c> is the interactive page (Scalar) over all of them, which
/// obtains a token with the client credentials flow; <c>/asyncapi</c> is the AsyncAPI 3.0 document of the integration events,
/// also shown on <c>/docs</c>. All anonymous: they describe the API, they open nothing.
/// </summary>
public static class ApiReferenceEndpoints
{
    public const string IndexPath = "/openapi";
    public const string PagePath = "/docs";
    public const string AsyncApiPath = "/asyncapi";

    public static IServiceCollection AddApiReference(this IServiceCollection services)
    {
        services.AddHttpClient(ServiceDocuments.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton<ServiceDocuments>();
        services.AddSingleton<TokenEndpointLocator>();
        return services;
    }

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(IndexPath, (HttpContext context, ServiceDocuments documents) =>
        {
            var gateway = TokenEndpointLocator.GatewayUrl(context.Request);
            return Results.Json(documents.Services.Select(s => new ServiceEntry(s, $"{gateway}{DocumentPath(s)}")));
        }).AllowAnonymous().WithName("api-reference-index");

        endpoints.MapGet(IndexPath + "/{service}.json", async (string service, HttpContext context, ServiceDocuments documents,
            TokenEndpointLocator tokens, CancellationToken cancellationToken) =>
        {
            var found = await documents.GetAsync(service, cancellationToken);
            if (found.Document is null)
            {
                return found.StatusCode == StatusCodes.Status404NotFound
                    ? Problems.NotFound($"No service '{service}' publishes an API description.")
                    : Problems.Status(StatusCodes.Status503ServiceUnavailable, "Service unavailable", $"The API description of '{service}' cannot be fetched now.");
            }

            var tokenUrl = await tokens.LocateAsync(context, cancellationToken);
            return Results.Json(GatewayDocument.Present(found.Document, TokenEndpointLocator.GatewayUrl(context.Request), tokenUrl, service));
        }).AllowAnonymous().WithName("api-reference-document");

        endpoints.MapGet(AsyncApiPath, () => Results.Json(AsyncApiDocument.Current)).AllowAnonymous().WithName("api-reference-asyncapi");

        endpoints.MapScalarApiReference(PagePath, async (options, context) =>
        {
            var documents = context.RequestServices.GetRequiredService<ServiceDocuments>();
            var tokenUrl = await context.RequestServices.GetRequiredService<TokenEndpointLocator>().LocateAsync(context, context.RequestAborted);
            options.WithTitle("Cross-boundary risk co-governance platform API");
            foreach (var service in documents.Services)
            {
                options.AddDocument(service, service, DocumentPath(service));
            }

            options.AddAsyncApiDocument("events", "Integration events (AsyncAPI)", AsyncApiPath);

            // A reference for partner cities' developers: no vendor client button, no AI agent or MCP offer, nothing sent to the vendor.
            options.HideClientButton().DisableAgent().DisableMcp().DisableTelemetry().ShowOperationId();

            if (tokenUrl is not null)
            {
                options.AddPreferredSecuritySchemes([GatewayDocument.OAuth2Scheme]);
                options.AddClientCredentialsFlow(GatewayDocument.OAuth2Scheme, flow => flow.WithTokenUrl(tokenUrl));
            }
        }).AllowAnonymous();
        return endpoints;
    }

    private static string DocumentPath(string service) => $"{IndexPath}/{service}.json";

    private sealed record ServiceEntry(string Name, string Url);
}
