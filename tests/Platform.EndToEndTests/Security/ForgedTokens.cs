using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace Platform.EndToEndTests.Security;

/// <summary>
/// Bearer tokens that must never be accepted, each claiming the most powerful role (coordinator) so that a 401 can
/// only come from what is wrong with the token. <c>null</c> stands for no token at all.
/// </summary>
public static class ForgedTokens
{
    private static readonly RSA Impostor = RSA.Create(2048);

    public static IReadOnlyDictionary<string, string?> All { get; } = new Dictionary<string, string?>
    {
        ["no token"] = null,
        ["expired"] = TestTokens.For(PlatformRoles.Coordinator, lifetime: TimeSpan.FromMinutes(-10)),
        ["bad signature (another key, the real kid)"] = SignedByImpostor(),
        ["claims altered after signing"] = WithAlteredPayload(TestTokens.For(PlatformRoles.City, cityId: "hangzhou")),
        ["alg none"] = Unsigned(),
        ["wrong issuer"] = TestTokens.For(PlatformRoles.Coordinator, issuer: "https://issuer.attacker.example"),
        ["wrong audience"] = TestTokens.For(PlatformRoles.Coordinator, audience: "some-other-api"),
    };

    private static Dictionary<string, object> CoordinatorClaims() => new()
    {
        [PlatformClaims.Subject] = "forger",
        [PlatformClaims.ClientId] = "forger",
        [PlatformClaims.Role] = PlatformRoles.Coordinator,
    };

    private static string SignedByImpostor()
    {
        using var real = RSA.Create();
        real.ImportFromPem(TestTokens.PublicKeyPem);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthSettings.DefaultIssuer,
            Audience = AuthSettings.DefaultAudience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = CoordinatorClaims(),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(Impostor) { KeyId = KeyIds.For(real) }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A genuine city token whose payload is swapped for a coordinator's, the signature kept.</summary>
    private static string WithAlteredPayload(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("\"role\":\"city\"", "\"role\":\"coordinator\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
    }

    /// <summary>RFC 7519 §6: an unsecured JWT, <c>alg: none</c> and an empty signature.</summary>
    private static string Unsigned()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = """{"alg":"none","typ":"JWT"}""";
        var payload = $$"""{"iss":"{{AuthSettings.DefaultIssuer}}","aud":"{{AuthSettings.DefaultAudience}}","sub":"forger","client_id":"forger","role":"coordinator","iat":{{now}},"nbf":{{now}},"exp":{{now + 600}}}""";
        return $"{Base64UrlEncoder.Encode(header)}.{Base64UrlEncoder.Encode(payload)}.";
    }
}
