using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Prometheus;

namespace Platform.ServiceDefaults.Health;

/// <summary>
/// <c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c>, served on a separate management port
/// (<c>Management:Port</c>) that the gateway never routes (architecture.md §6). When no management port
/// is configured (an in-memory test host) they are served on the main port.
/// </summary>
public static class ManagementEndpoints
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddPlatformHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return services;
    }

    /// <summary>Adds the management port to the addresses Kestrel listens on, keeping the configured ones.</summary>
    public static WebApplicationBuilder AddManagementPort(this WebApplicationBuilder builder)
    {
        var port = ManagementPort(builder.Configuration);
        if (port is null)
        {
            return builder;
        }

        var urls = builder.Configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls))
        {
            var httpPorts = builder.Configuration["http_ports"];
            urls = string.IsNullOrWhiteSpace(httpPorts)
                ? "http://localhost:5000"
                : string.Join(';', httpPorts.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => $"http://*:{p}"));
        }

        builder.WebHost.UseUrls($"{urls};http://*:{port}");
        return builder;
    }

    public static WebApplication MapManagementEndpoints(this WebApplication app)
    {
        var port = ManagementPort(app.Configuration);
        if (port is null)
        {
            MapEndpoints(app);
            return app;
        }

        app.MapWhen(
            context => context.Connection.LocalPort == port,
            branch =>
            {
                branch.UseRouting();
                branch.UseEndpoints(MapEndpoints);
            });
        return app;
    }

    private static void MapEndpoints(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(LiveTag) })
            .AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) || c.Tags.Contains(LiveTag) })
            .AllowAnonymous();
        endpoints.MapMetrics("/metrics").AllowAnonymous();
    }

    private static int? ManagementPort(IConfiguration configuration) =>
        int.TryParse(configuration["Management:Port"], out var port) && port > 0 ? port : null;
}
