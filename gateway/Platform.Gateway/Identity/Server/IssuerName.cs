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
/// host ("https://gateway.platform.local/"), and leaves <c>nbf</c> out. The issuer option is therefore left unset (so
/// the endpoints in discovery follow the address the caller used, as before), the issuer claim is replaced before a
/// token is written, access tokens are written here with OpenIddict's own claim rules, and the validation of the
/// server's own tokens (codes, refresh tokens, the user info endpoint's access token) expects the configured name.
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
        context.Principal.SetClaim(Claims.Private.Issuer, auth.Issuer);
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

/// <summary>The server's own tokens are checked against the configured issuer name (see <see cref="AccessTokenWriter"/>).</summary>
public sealed class OwnTokenIssuerValidation(AuthSettings auth) : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<OwnTokenIssuerValidation>()
            .SetOrder(OpenIddictServerHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.TokenValidationParameters is { } parameters)
        {
            parameters.ValidIssuers = [auth.Issuer];
            parameters.ValidateIssuer = true;
        }

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

    public ValueTask HandleAsync(ApplyConfigurationResponseContext context)
    {
        if (string.IsNullOrEmpty(context.Response.Error))
        {
            context.Response[Metadata.Issuer] = auth.Issuer;
        }

        return default;
    }
}
