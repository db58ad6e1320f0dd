using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Timeouts;
using Platform.ServiceDefaults.Errors;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Proxy;

/// <summary>
/// When YARP could not get an answer from a service it sets 502, 503 or 504 and writes nothing; this turns that
/// into RFC 9457 problem details naming the service (never its address). What a service answers itself is
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

        var service = context.Features.Get<IReverseProxyFeature>()?.Cluster.Config.ClusterId ?? "the service";
        var status = context.Response.StatusCode;
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
}
