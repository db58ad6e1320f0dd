using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.Gateway.Tests.Support;

public static class TokenRequests
{
    public static Task<HttpResponseMessage> PostWithBasicAsync(
        HttpClient http, string clientId, string secret, string grantType = "client_credentials")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", grantType)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));
        return http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient http, params (string Name, string Value)[] fields) =>
        http.PostAsync("/connect/token", new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    public static async Task<string> AccessTokenAsync(HttpClient http, TestClient client)
    {
        using var response = await PostWithBasicAsync(http, client.ClientId, client.Secret);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    public static async Task<string> ErrorCodeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("error").GetString()!;
    }
}
