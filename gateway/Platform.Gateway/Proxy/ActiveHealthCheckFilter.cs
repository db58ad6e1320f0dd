using Yarp.ReverseProxy.Configuration;

namespace Platform.Gateway.Proxy;

/// <summary>
/// Active health checks probe <c>/health/ready</c>, which the services serve on their management port only
/// (architecture.md §6), so a destination is probed at its <c>Health</c> address (e.g. <c>http://trust-score:9090</c>),
/// never at its API address. A cluster with a destination that has no <c>Health</c> address keeps passive checks only:
/// probing the API port would get 404 and mark a healthy service down, which is worse than not probing.
/// </summary>
internal sealed class ActiveHealthCheckFilter(ILogger<ActiveHealthCheckFilter> logger) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        if (cluster.HealthCheck?.Active is not { Enabled: true } active)
        {
            return ValueTask.FromResult(cluster);
        }

        var withoutHealthAddress = (cluster.Destinations ?? new Dictionary<string, DestinationConfig>())
            .Where(d => string.IsNullOrWhiteSpace(d.Value.Health))
            .Select(d => d.Key)
            .ToList();
        if (withoutHealthAddress.Count == 0)
        {
            return ValueTask.FromResult(cluster);
        }

        logger.LogWarning(
            "Cluster {ClusterId}: destination(s) {Destinations} have no Health address (the service's management address), so "
            + "active health checks are off for this cluster; passive checks stay on.",
            cluster.ClusterId, string.Join(", ", withoutHealthAddress));
        return ValueTask.FromResult(cluster with { HealthCheck = cluster.HealthCheck with { Active = active with { Enabled = false } } });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);
}
