using System.Diagnostics;
using System.Security.Claims;
using Platform.ServiceDefaults.Security;
using Prometheus;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Observability;

/// <summary>
/// <c>gateway_requests_total{route,role,method,code}</c> and <c>gateway_request_duration_seconds{route,role}</c>:
/// every request the gateway answers, refused ones included (it runs after authentication, before the rate limit
/// and authorization). <c>route</c> is the YARP route id or the gateway's own endpoint, <c>role</c> the validated
/// token's role or <c>anonymous</c>.
/// </summary>
/// <remarks>
/// Implementation note: labels are kept to bounded sets (route ids and endpoint patterns from code and configuration,
/// the five roles, the standard methods) so a caller cannot grow the number of series; the client id is deliberately
/// not a label here. The exact status code is a counter label only: on the histogram it would multiply every bucket.
/// </remarks>
internal sealed class GatewayRequestMetrics(RequestDelegate next)
{
    private static readonly Counter Requests = Metrics.CreateCounter(
        "gateway_requests_total", "Requests answered by the gateway, by route, caller role, method and status code.",
        new CounterConfiguration { LabelNames = ["route", "role", "method", "code"] });

    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "gateway_request_duration_seconds", "Time the gateway took to answer, forwarding included, by route and caller role.",
        new HistogramConfiguration
        {
            LabelNames = ["route", "role"],
            Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        });

    private static readonly HashSet<string> KnownMethods =
        new(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"], StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var route = Route(context);
            var role = Role(context.User);
            var code = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            var method = KnownMethods.Contains(context.Request.Method) ? context.Request.Method.ToUpperInvariant() : "OTHER";
            Requests.WithLabels(route, role, method, code.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
            Duration.WithLabels(route, role).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private static string Route(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        return endpoint?.Metadata.GetMetadata<RouteModel>()?.Config.RouteId
            ?? (endpoint as RouteEndpoint)?.RoutePattern.RawText
            ?? "unmatched";
    }

    private static string Role(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return "anonymous";
        }

        var role = user.Role();
        return role is not null && PlatformRoles.All.Contains(role) ? role : "other";
    }
}
