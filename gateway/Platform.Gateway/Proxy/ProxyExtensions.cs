using Yarp.ReverseProxy.Transforms.Builder;

namespace Platform.Gateway.Proxy;

/// <summary>Routes and clusters come from the <c>ReverseProxy</c> configuration section (YARP's own schema).</summary>
public static class ProxyExtensions
{
    public const string SectionName = "ReverseProxy";

    public static IServiceCollection AddPlatformProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReverseProxy().LoadFromConfig(configuration.GetSection(SectionName));
        services.AddSingleton<ITransformProvider, GatewayTransforms>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlatformProxy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<ForwarderErrorProblemDetails>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return endpoints;
    }
}
