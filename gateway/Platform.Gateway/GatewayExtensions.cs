using Platform.Gateway.Proxy;
using Platform.Gateway.Tokens;

namespace Platform.Gateway;

/// <summary>
/// What the gateway adds on top of the service defaults: its own token issuer (for local runs and small
/// deployments) and the reverse proxy to the services (architecture.md §1, §6).
/// </summary>
public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddTokenIssuer();
        builder.Services.AddPlatformProxy(builder.Configuration);
        return builder;
    }

    /// <summary>Runs after <c>UseServiceDefaults</c>, so everything mapped here sits behind authentication.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapTokenIssuer();
        app.MapPlatformProxy();
        return app;
    }
}
