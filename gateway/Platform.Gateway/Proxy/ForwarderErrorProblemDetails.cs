using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Timeouts;
using Platform.ServiceDefaults.Errors;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Proxy;

/// <summary>
/// When YARP could not get an answer from a service it sets 502, 503 or 504 and writes nothing; this turns that
/// into RFC 9457 problem details naming the service (never its address); a 503 (no ready instance) says with
/// <c>Retry-After</c> when to come back, as a service's own 503 does. What a service answers itself is
/// relayed untouched: status code pages are turned off for proxied requests so an empty 404 stays empty.
/// </summary>
/// <remarks>
/// Implementation note: the request timeout (<c>Limits:RequestTimeoutSeconds</c>) cancels the request's token, which
/// YARP cannot tell from a client that went away; the timeout feature tells them apart, so a timed-out forward is
/// answered 504 while a vanished client gets nothing.
/// </remarks>
internal sealed class ForwarderErrorProblemDetails(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        await next(context);

        if (context.Features.Get<IForwarderErrorFeature>() is not { } error || context.Response.HasStarted)
        {
            return;
        }

        var timedOut = context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
        if (timedOut)
        {
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
        }
        else if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var cluster = context.Features.Get<IReverseProxyFeature>()?.Cluster.Config;
        var service = cluster?.ClusterId ?? "the service";
        var status = context.Response.StatusCode;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds(cluster).ToString(CultureInfo.InvariantCulture);
        }

        var (title, detail) = status switch
        {
            StatusCodes.Status503ServiceUnavailable => ("Service unavailable", $"No instance of '{service}' is available."),
            StatusCodes.Status504GatewayTimeout => ("Gateway timeout", $"'{service}' did not answer in time."),
            StatusCodes.Status413PayloadTooLarge => ("Request body too large", "The request body exceeds the size the gateway accepts."),
            >= 500 => ("Bad gateway", $"'{service}' could not be reached or gave no valid answer."),
            _ => ("Request not forwarded", $"The request could not be forwarded to '{service}' ({error.Error})."),
        };
        await Problems.Status(status, title, detail).ExecuteAsync(context);
    }

    /// <summary>
    /// No instance is ready (RFC 9110 §10.2.3: a 503 may say when to come back): one that recovers is routed again at the
    /// cluster's next active health probe, so the probe interval is when a retry can first succeed; 10 s, the chart's
    /// interval, when the cluster is not probed.
    /// </summary>
    internal static int RetryAfterSeconds(ClusterConfig? cluster) =>
        (int)Math.Max(1, Math.Ceiling((cluster?.HealthCheck?.Active?.Interval ?? TimeSpan.FromSeconds(10)).TotalSeconds));
}
