using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Testing;

/// <summary>Clients of a running gateway, signed in as one of its demo machine clients.</summary>
public static class GatewayClients
{
    /// <summary>
    /// An <see cref="HttpClient"/> on <paramref name="gateway"/> carrying a token from the client credentials grant; the
    /// demo clients' secret is <c>&lt;clientId&gt;-secret</c> unless <paramref name="secret"/> says otherwise.
    /// </summary>
    public static async Task<HttpClient> ClientCredentialsAsync(Uri gateway, string clientId, string? secret = null)
    {
        var client = new HttpClient { BaseAddress = gateway };
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret ?? $"{clientId}-secret",
        }));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
