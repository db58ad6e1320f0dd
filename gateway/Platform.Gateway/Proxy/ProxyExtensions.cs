using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Platform.Gateway.Proxy;

/// <summary>
/// Routes and clusters come from the <c>ReverseProxy</c> configuration section (YARP's own schema), with the
/// gateway's rules on top: every route names a policy and none is anonymous, identity headers are stripped, active
/// health checks probe management addresses only, safe requests are retried, a request a replica refused to connect
/// goes to another replica.
/// </summary>
public static class ProxyExtensions
{
    public const string SectionName = "ReverseProxy";

    public static IServiceCollection AddPlatformProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReverseProxy()
            .LoadFromConfig(configuration.GetSection(SectionName))
            .AddConfigFilter<ActiveHealthCheckFilter>();
        services.AddSingleton<ITransformProvider, GatewayTransforms>();
        services.AddOptions<TransportFailureRateHealthPolicyOptions>().Configure(o =>
        {
            // YARP's window defaults to 60 s whatever the clusters' reactivation period: a destination brought back
            // after 10 s failed again on its first answer, as the old failures still filled the window, and stayed
            // out for a minute. A window well inside the reactivation period (10 s) has forgotten the failures that
            // took the destination out by the time it is tried again, so it is back within 15 s.
            o.DetectionWindowSize = configuration.GetValue("PassiveHealth:DetectionWindow", TimeSpan.FromSeconds(5));
        });
        services.AddOptions<RetryOptions>().BindConfiguration(RetryOptions.SectionName);
        services.AddSingleton<IForwarderHttpClientFactory, RetryingForwarderHttpClientFactory>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlatformProxy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<ForwarderErrorProblemDetails>();
            proxy.UseMiddleware<RequestBodyLimit>();
            proxy.UseMiddleware<ReplicaFailover>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return endpoints;
    }
}
