using Microsoft.AspNetCore;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Platform.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Platform.Gateway.Identity.Server;

/// <summary>
/// The tokens name their issuer exactly as <c>Auth:Issuer</c> says (the services pin that string), and access tokens
/// keep the shape the services were built against (RFC 9068 with <c>nbf</c> equal to <c>iat</c>).
/// </summary>
/// <remarks>
/// Implementation note: OpenIddict writes the issuer as a <see cref="Uri"/>, which adds a trailing slash to a bare
/// host ("https://gateway.platform.local/"), and leaves <c>nbf</c> out. Access tokens are written here with OpenIddict's
/// own claim rules; every other token gets the configured name from <see cref="TokenIssuerName"/>. OpenIddict's issuer
/// option is the same name; for a bare host it accepts its own tokens with and without the trailing slash.
/// </remarks>
public sealed class AccessTokenWriter(AuthSettings auth) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<AccessTokenWriter>()
            .SetOrder(OpenIddictServerHandlers.Protection.GenerateIdentityModelToken.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (context.TokenType is not (TokenTypeIdentifiers.AccessToken or TokenTypeHints.AccessToken) || !string.IsNullOrEmpty(context.Token))
        {
            return default;
        }

        var principal = context.Principal.Clone(claim => claim.Type is not (
            Claims.Private.CreationDate or Claims.Private.ExpirationDate or Claims.Private.Issuer or Claims.Private.TokenType
            or Claims.Private.Audience or Claims.Private.Scope));
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.JwtId] = Guid.NewGuid().ToString("N") };
        var audiences = context.Principal.GetAudiences();
        if (audiences.Length > 0)
        {
            claims[Claims.Audience] = audiences.Length == 1 ? audiences[0] : audiences.ToArray();
        }

        var scopes = context.Principal.GetScopes();
        if (scopes.Length > 0)
        {
            claims[Claims.Scope] = string.Join(' ', scopes);
        }

        var issuedAt = context.Principal.GetCreationDate()?.UtcDateTime;
        context.Token = context.SecurityTokenHandler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = auth.Issuer,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = context.Principal.GetExpirationDate()?.UtcDateTime,
            SigningCredentials = context.SigningCredentials,
            Subject = (ClaimsIdentity)principal.Identity!,
            TokenType = JsonWebTokenTypes.AccessToken,
        });
        return default;
    }
}

/// <summary>
/// Every token OpenIddict writes itself (the ID token above all) names the issuer exactly as discovery does: a relying
/// party compares the two strings as they are (OpenID Connect Core §3.1.3.7 step 2, Discovery §4.3), and the console's
/// sign-in failed on "https://gateway.platform.local/" against "https://gateway.platform.local".
/// </summary>
/// <remarks>
/// Implementation note: OpenIddict 7 fills the token's <see cref="Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor"/>
/// from its issuer option (a <see cref="Uri"/>, so with the trailing slash) before it writes the token, and no longer
/// reads a private issuer claim of the principal; the descriptor is therefore corrected just before the token is written.
/// </remarks>
public sealed class TokenIssuerName(AuthSettings auth) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<TokenIssuerName>()
            .SetOrder(OpenIddictServerHandlers.Protection.GenerateIdentityModelToken.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        context.SecurityTokenDescriptor.Issuer = auth.Issuer;
        return default;
    }
}

/// <summary>Discovery names the issuer as the tokens do.</summary>
public sealed class DiscoveryIssuerName(AuthSettings auth) : IOpenIddictServerHandler<ApplyConfigurationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyConfigurationResponseContext>()
            .UseSingletonHandler<DiscoveryIssuerName>()
            .SetOrder(int.MinValue + 10_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    private static readonly string[] Endpoints =
    [
        Metadata.AuthorizationEndpoint, Metadata.TokenEndpoint, Metadata.EndSessionEndpoint, Metadata.UserInfoEndpoint, Metadata.JwksUri,
    ];

    public ValueTask HandleAsync(ApplyConfigurationResponseContext context)
    {
        if (!string.IsNullOrEmpty(context.Response.Error))
        {
            return default;
        }

        context.Response[Metadata.Issuer] = auth.Issuer;
        // The issuer is a name, not necessarily an address the caller can reach: the endpoints follow the address used.
        if (context.Transaction.GetHttpRequest() is { } request && context.Options.Issuer is { } issuer)
        {
            var reached = $"{request.Scheme}://{request.Host}{request.PathBase}/";
            foreach (var name in Endpoints)
            {
                if ((string?)context.Response[name] is { } url && url.StartsWith(issuer.AbsoluteUri, StringComparison.Ordinal))
                {
                    context.Response[name] = reached + url[issuer.AbsoluteUri.Length..];
                }
            }
        }

        return default;
    }
}

/// <summary>
/// <c>expires_in</c> is the access token's lifetime as configured (RFC 6749 §5.1), not the seconds left after the
/// response was built, which OpenIddict truncates to one less.
/// </summary>
public sealed class ExpiresInAsConfigured(Microsoft.Extensions.Options.IOptionsMonitor<Platform.Gateway.Tokens.TokenIssuerOptions> issuer)
    : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<ExpiresInAsConfigured>()
            .SetOrder(int.MinValue + 10_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        if (!string.IsNullOrEmpty(context.Response.AccessToken))
        {
            context.Response.ExpiresIn = issuer.CurrentValue.LifetimeSeconds;
        }

        return default;
    }
}
