using Platform.Gateway.ApiReference;
using Platform.Gateway.Observability;
using Platform.Gateway.Proxy;
using Platform.Gateway.RateLimiting;
using Platform.Gateway.Security;
using Platform.Gateway.Identity;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway;

/// <summary>
/// What the gateway adds on top of the service defaults: its own identity provider (machine clients and
/// people; off where an external provider issues tokens), per-client rate limits, the API reference and the reverse proxy to the services
/// (architecture.md §1, §5, §6).
/// </summary>
public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder().AddGatewayPolicies();
        builder.AddIdentityProvider();
        builder.Services.AddClientRateLimiting();
        builder.Services.AddApiReference();
        builder.Services.AddPlatformProxy(builder.Configuration);

        // Last: registrations above add data protection again (with its start-up key-ring read, which loads the XML stack).
        builder.Services.ReadKeyRingOnFirstUse();
        return builder;
    }

    /// <summary>
    /// Between authentication and authorization (see <c>UseServiceDefaults</c>): the request metrics see every answer,
    /// refusals included, and the rate limit knows the caller's client id yet also counts the calls it refuses.
    /// </summary>
    public static void UseGatewayEdge(WebApplication app) =>
        app.UseWhen(context => !IdentityPaths.IsAnsweredByIdentityProvider(context.Request.Path), Edge);

    /// <summary>
    /// Before authentication, for the identity provider's paths only: OpenIddict answers them inside authentication
    /// (refusals included), so the per-address limit on guessing secrets and passwords has to come first.
    /// </summary>
    public static void UseIdentityEdge(WebApplication app) =>
        app.UseWhen(context => IdentityPaths.IsAnsweredByIdentityProvider(context.Request.Path), Edge);

    private static void Edge(IApplicationBuilder app)
    {
        app.UseMiddleware<GatewayRequestMetrics>();
        app.UseRateLimiter();
    }

    /// <summary>Runs after <c>UseServiceDefaults</c>, so everything mapped here sits behind authentication.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapIdentityProvider();
        app.MapApiReference();
        app.MapPlatformProxy();
        return app;
    }
}
