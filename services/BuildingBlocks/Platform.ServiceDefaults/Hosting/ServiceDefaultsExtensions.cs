using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Api.OpenApi;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Observability;
using Platform.ServiceDefaults.Security;
using Prometheus;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>The one way every platform component wires its cross-cutting concerns.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Largest request body any component accepts unless <c>Limits:MaxRequestBodyBytes</c> or an endpoint says otherwise.</summary>
    public const long DefaultMaxRequestBodyBytes = RequestLimits.DefaultMaxRequestBodyBytes;

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.AddManagementPort();
        builder.AddStructuredLogging(serviceName);
        builder.AddTracing(serviceName);
        builder.Services.AddPlatformProblemDetails();
        builder.Services.AddPlatformHealthChecks();
        builder.AddPlatformAuthentication();
        builder.AddRequestLimits();
        builder.AddGracefulShutdown();
        builder.Services.AddAuthorizationDocumentation();
        builder.Services.AddPlatformOpenApiConventions();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new PlainTextJsonConverter()));
        builder.Services.AddSingleton(new ServiceIdentity(serviceName));
        return builder;
    }

    /// <summary>
    /// Order matters: correlation first (so every log line and problem carries it), then errors, metrics,
    /// and identity. Management endpoints branch off before authentication so probes stay anonymous.
    /// <paramref name="afterAuthentication"/> adds middleware that needs the caller's identity but must also see the
    /// requests authorization refuses (the gateway's per-client rate limit and request metrics).
    /// <paramref name="beforeAuthentication"/> adds middleware that must see requests an authentication handler answers
    /// itself (the gateway's identity provider answers its protocol endpoints inside authentication).
    /// </summary>
    public static WebApplication UseServiceDefaults(
        this WebApplication app, Action<WebApplication>? afterAuthentication = null, Action<WebApplication>? beforeAuthentication = null)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseEventStreamsEndingOnShutdown();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapManagementEndpoints();
        app.UseMiddleware<PlainTextUrlGuard>();
        app.UseHttpMetrics(o => o.ReduceStatusCodeCardinality());
        beforeAuthentication?.Invoke(app);
        app.UseAuthentication();
        afterAuthentication?.Invoke(app);
        app.UseAuthorization();
        app.UseRequestTimeouts();
        return app;
    }
}

/// <summary>The logical name of the running component (e.g. <c>cost-sharing</c>).</summary>
public sealed record ServiceIdentity(string Name);
