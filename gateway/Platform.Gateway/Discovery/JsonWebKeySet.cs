using System.Text.Json.Serialization;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Gateway.Discovery;

/// <summary>A JWK Set (RFC 7517 §5) of RSA signature keys; public parameters only (RFC 7518 §6.3.1).</summary>
public sealed record JsonWebKeySet([property: JsonPropertyName("keys")] IReadOnlyList<RsaJsonWebKey> Keys)
{
    public static JsonWebKeySet From(IEnumerable<RsaSecurityKey> keys) => new([.. keys.Select(RsaJsonWebKey.From)]);
}

public sealed record RsaJsonWebKey(
    [property: JsonPropertyName("kty")] string KeyType,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Algorithm,
    [property: JsonPropertyName("kid")] string KeyId,
    [property: JsonPropertyName("n")] string Modulus,
    [property: JsonPropertyName("e")] string Exponent)
{
    public static RsaJsonWebKey From(RsaSecurityKey key)
    {
        var parameters = key.Rsa?.ExportParameters(includePrivateParameters: false) ?? key.Parameters;
        return new RsaJsonWebKey(
            JsonWebAlgorithmsKeyTypes.RSA,
            JsonWebKeyUseNames.Sig,
            SecurityAlgorithms.RsaSha256,
            key.KeyId,
            Base64UrlEncoder.Encode(parameters.Modulus),
            Base64UrlEncoder.Encode(parameters.Exponent));
    }
}
