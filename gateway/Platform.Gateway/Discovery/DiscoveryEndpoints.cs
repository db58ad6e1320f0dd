using Platform.Gateway.Tokens;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Discovery;

/// <summary>
/// OpenID Connect discovery (OpenID Connect Discovery 1.0 §4) and the JWKS (RFC 7517), so a service can set
/// <c>Auth:Authority</c> to the gateway and fetch its keys instead of being handed PEM files.
/// </summary>
public static class DiscoveryEndpoints
{
    public const string ConfigurationPath = "/.well-known/openid-configuration";
    public const string JwksPath = "/.well-known/jwks.json";

    /// <summary>Long enough to spare the gateway, short enough that a rotated key is picked up within minutes.</summary>
    private const string CacheControl = "public, max-age=300";

    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ConfigurationPath, (HttpContext context, AuthSettings auth) =>
        {
            context.Response.Headers.CacheControl = CacheControl;
            var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
            return Results.Json(OpenIdConfiguration.For(auth.Issuer, baseUrl));
        }).AllowAnonymous();

        endpoints.MapGet(JwksPath, (HttpContext context, IssuerKeys keys) =>
        {
            context.Response.Headers.CacheControl = CacheControl;
            return Results.Json(JsonWebKeySet.From(keys.PublishedKeys));
        }).AllowAnonymous();
        return endpoints;
    }
}
