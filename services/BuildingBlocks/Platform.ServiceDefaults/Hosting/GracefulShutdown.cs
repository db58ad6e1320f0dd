using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>
/// How a component stops on SIGTERM (a pod being deleted, docs/deploy.md): the host signals <c>ApplicationStopping</c>,
/// Kestrel stops accepting connections and lets in-flight requests finish, the background services are cancelled and
/// abandon their unfinished transaction (rolled back; a consumer commits only the offsets of messages it applied), and
/// the process exits 0. All of it within <c>Hosting:ShutdownTimeoutSeconds</c>, which the chart sets so that its preStop
/// sleep plus this timeout stays inside the pod's termination grace period.
/// </summary>
/// <remarks>
/// Implementation note: a Server-Sent Events response never finishes by itself, so Kestrel would wait for it until the
/// shutdown timeout and then cut the connection. A request that asks for an event stream therefore sees its
/// <see cref="HttpContext.RequestAborted"/> cancelled when the application starts stopping: the endpoint (or YARP, in the
/// gateway) ends the stream at once, and the client reconnects — to another replica — with <c>Last-Event-ID</c>.
/// </remarks>
public static class GracefulShutdown
{
    public const string ShutdownTimeoutKey = "Hosting:ShutdownTimeoutSeconds";

    /// <summary>Well below the chart's grace period (30 s) minus its preStop sleep (5 s), and the 10 s target.</summary>
    public const double DefaultShutdownTimeoutSeconds = 8;

    private const string EventStream = "text/event-stream";

    public static WebApplicationBuilder AddGracefulShutdown(this WebApplicationBuilder builder)
    {
        var seconds = builder.Configuration.GetValue(ShutdownTimeoutKey, DefaultShutdownTimeoutSeconds);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(seconds));
        return builder;
    }

    /// <summary>Ends event-stream requests when the application starts stopping (see the remarks).</summary>
    public static WebApplication UseEventStreamsEndingOnShutdown(this WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.Use(async (context, next) =>
        {
            if (!AsksForEventStream(context.Request))
            {
                await next(context);
                return;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            context.RequestAborted = linked.Token;
            await next(context);
        });
        return app;
    }

    private static bool AsksForEventStream(HttpRequest request) =>
        request.Headers.Accept.Any(accept => accept?.Contains(EventStream, StringComparison.OrdinalIgnoreCase) == true);
}
