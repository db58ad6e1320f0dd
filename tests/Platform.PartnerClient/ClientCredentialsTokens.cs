using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Platform.PartnerClient;

/// <summary>
/// What a partner city's code writes besides the generated client: a token from the platform's token endpoint with its
/// registered client id and secret (OAuth 2.0 client credentials, RFC 6749 §4.4), kept until shortly before it expires.
/// </summary>
public sealed class ClientCredentialsTokens(HttpClient http, Uri tokenEndpoint, string clientId, string clientSecret) : IAccessTokenProvider
{
    private string? token;
    private DateTimeOffset expiresAt;

    public AllowedHostsValidator AllowedHostsValidator { get; } = new([tokenEndpoint.Host]);

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (token is not null && DateTimeOffset.UtcNow < expiresAt)
        {
            return token;
        }

        using var response = await http.PostAsync(tokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
        var issued = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new InvalidOperationException("The token endpoint answered no token.");
        (token, expiresAt) = (issued.AccessToken, DateTimeOffset.UtcNow.AddSeconds(Math.Max(0, issued.ExpiresIn - 30)));
        return token;
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken, [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
