using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Tokens;

/// <summary>
/// Makes the JWT access token for an authenticated client, in the shape of RFC 9068 (JWT profile for OAuth 2.0
/// access tokens): <c>iss</c>, <c>aud</c>, <c>sub</c>, <c>client_id</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c>,
/// <c>jti</c>, plus the platform's <c>role</c> and <c>city_id</c> or <c>evaluator_id</c> (architecture.md §6).
/// </summary>
public sealed class AccessTokenIssuer(IssuerKeys keys, AuthSettings auth, IOptionsMonitor<TokenIssuerOptions> options, TimeProvider clock)
{
    /// <summary>RFC 9068 §2.1: access tokens are typed so they cannot be confused with ID tokens.</summary>
    public const string TokenType = "at+jwt";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedToken Issue(RegisteredClient client)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromSeconds(options.CurrentValue.LifetimeSeconds);
        var claims = new Dictionary<string, object>
        {
            [PlatformClaims.Subject] = client.ClientId,
            [PlatformClaims.ClientId] = client.ClientId,
            [PlatformClaims.Role] = client.Role,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        if (!string.IsNullOrWhiteSpace(client.CityId))
        {
            claims[PlatformClaims.CityId] = client.CityId;
        }

        if (!string.IsNullOrWhiteSpace(client.EvaluatorId))
        {
            claims[PlatformClaims.EvaluatorId] = client.EvaluatorId;
        }

        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            TokenType = TokenType,
            SigningCredentials = keys.SigningCredentials,
        });
        return new IssuedToken(token, (int)lifetime.TotalSeconds);
    }
}

public sealed record IssuedToken(string AccessToken, int ExpiresInSeconds);
