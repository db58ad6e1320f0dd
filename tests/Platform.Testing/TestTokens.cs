using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Security;

namespace Platform.Testing;

/// <summary>
/// A signing key pair per test process and tokens shaped exactly like the gateway's, for tests that call
/// a service directly. The services validate them with the same code as in production.
/// </summary>
public static class TestTokens
{
    private static readonly RSA Key = RSA.Create(2048);

    public static string PublicKeyPem { get; } = Key.ExportSubjectPublicKeyInfoPem();

    public static string PrivateKeyPem { get; } = Key.ExportPkcs8PrivateKeyPem();

    public static string Coordinator() => For(PlatformRoles.Coordinator);

    public static string City(string cityId) => For(PlatformRoles.City, cityId: cityId);

    public static string For(string role, string? cityId = null, string? evaluatorId = null, TimeSpan? lifetime = null, string? issuer = null, string? audience = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            [PlatformClaims.Subject] = $"test-{role}-{cityId ?? evaluatorId ?? "x"}",
            [PlatformClaims.ClientId] = $"test-{role}",
            [PlatformClaims.Role] = role,
        };
        if (cityId is not null)
        {
            claims[PlatformClaims.CityId] = cityId;
        }

        if (evaluatorId is not null)
        {
            claims[PlatformClaims.EvaluatorId] = evaluatorId;
        }

        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? AuthSettings.DefaultIssuer,
            Audience = audience ?? AuthSettings.DefaultAudience,
            Claims = claims,
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(Key) { KeyId = KeyIds.For(Key) }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Configuration every service under test needs to validate these tokens.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ServiceSettings() =>
    [
        new("Auth:SigningKeys:0", PublicKeyPem),
        new("Auth:Issuer", AuthSettings.DefaultIssuer),
        new("Auth:Audience", AuthSettings.DefaultAudience),
    ];

    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());
}
