using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Platform.Gateway.Tokens;

namespace Platform.Gateway.ApiReference;

/// <summary>
/// Where a caller gets a token: the gateway's own <c>/connect/token</c>, or, with the built-in issuer off, the token
/// endpoint the external OpenID Connect provider (<c>Auth:Authority</c>) announces in its discovery document.
/// </summary>
public sealed class TokenEndpointLocator(IOptions<TokenIssuerOptions> issuer, IOptionsMonitor<JwtBearerOptions> jwt, ILogger<TokenEndpointLocator> logger)
{
    public async Task<string?> LocateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (issuer.Value.Enabled)
        {
            return GatewayUrl(context.Request) + Identity.IdentityPaths.Token;
        }

        if (jwt.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager is not { } authority)
        {
            return null;
        }

        try
        {
            return (await authority.GetConfigurationAsync(cancellationToken)).TokenEndpoint;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not read the token endpoint from the authority's discovery document.");
            return null;
        }
    }

    public static string GatewayUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
