using System.Net.Sockets;
using Prometheus;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Proxy;

/// <summary>
/// Sends a request to another replica of the service when the one chosen refused the connection, whatever the method:
/// a refused connection means the request never left the gateway, so sending it elsewhere cannot apply it twice. Without
/// this, a replica that has just died answers some callers 502 until the passive health check (a failure rate) or the
/// active probe (two failures, 10 s apart) takes it out, and again each time its passive reactivation period lets it back.
/// </summary>
/// <remarks>
/// Implementation note: it runs before load balancing and calls the rest of the proxy pipeline again with the replicas
/// not yet tried; the passive health check still counts every refused attempt. Only a refused or unreachable connection
/// qualifies (<see cref="SocketError.ConnectionRefused"/> and kin under the forwarder's <see cref="ForwarderError.Request"/>):
/// by then the request body has not been read, so it is streamed again unbuffered. A reset or a timeout after the request
/// was sent is not failed over: the replica may have acted on it (safe requests are retried by
/// <see cref="SafeMethodRetryHandler"/>).
/// </remarks>
internal sealed class ReplicaFailover(RequestDelegate next)
{
    private static readonly Counter Failovers = Metrics.CreateCounter(
        "gateway_upstream_failovers_total", "Requests sent to another replica after the chosen one refused the connection, by cluster.",
        new CounterConfiguration { LabelNames = ["cluster"] });

    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        // The cluster's series exists (at 0) from its first request on, so dashboards and alerts find it before any failover.
        var failovers = Failovers.WithLabels(proxy.Cluster.Config.ClusterId);
        var candidates = proxy.AvailableDestinations;
        List<DestinationState>? tried = null;
        await next(context);
        while (NeverReached(context) && proxy.ProxiedDestination is { } refused)
        {
            tried ??= [];
            tried.Add(refused);
            var untried = candidates.Where(d => !tried.Contains(d)).ToList();
            if (untried.Count == 0)
            {
                return;
            }

            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
            proxy.AvailableDestinations = untried;
            failovers.Inc();
            await next(context);
        }
    }

    /// <summary>The forwarder could not open a connection to the replica: nothing of the request reached it.</summary>
    private static bool NeverReached(HttpContext context) =>
        !context.Response.HasStarted
        && context.Features.Get<IForwarderErrorFeature>() is { Error: ForwarderError.Request, Exception: { } error }
        && IsConnectionRefused(error);

    private static bool IsConnectionRefused(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostNotFound })
            {
                return true;
            }
        }

        return false;
    }
}
