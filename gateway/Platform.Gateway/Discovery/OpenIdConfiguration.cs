using System.Text.Json.Serialization;
using Microsoft.IdentityModel.Tokens;
using Platform.Gateway.Tokens;

namespace Platform.Gateway.Discovery;

/// <summary>
/// The provider metadata a client-credentials-only issuer has. URLs are built from the address the caller used,
/// since the issuer name (<c>Auth:Issuer</c>) need not be a reachable address.
/// </summary>
public sealed record OpenIdConfiguration(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
    [property: JsonPropertyName("grant_types_supported")] IReadOnlyList<string> GrantTypesSupported,
    [property: JsonPropertyName("token_endpoint_auth_methods_supported")] IReadOnlyList<string> TokenEndpointAuthMethodsSupported,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypesSupported,
    [property: JsonPropertyName("subject_types_supported")] IReadOnlyList<string> SubjectTypesSupported,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> IdTokenSigningAlgValuesSupported)
{
    public static OpenIdConfiguration For(string issuer, string baseUrl) => new(
        issuer,
        baseUrl + DiscoveryEndpoints.JwksPath,
        baseUrl + Tokens.TokenEndpoint.Path,
        [Tokens.TokenEndpoint.ClientCredentialsGrant],
        ["client_secret_basic", "client_secret_post"],
        ["token"],
        ["public"],
        [SecurityAlgorithms.RsaSha256]);
}
