using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace Platform.Benchmarks.Propagation;

/// <summary>
/// Calls through the gateway as the people who make them: the coordinating body, finance, and each city with its own
/// token (signed with the key the gateway and the services trust, shaped like the gateway's own tokens). One connection
/// pool for all of them; an answer other than the expected status stops the run (a benchmark of errors measures nothing).
/// </summary>
internal sealed class GatewayApi(Uri gateway) : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(4);

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(2) };
    private readonly Dictionary<string, string> _cityTokens = [];

    public string Coordinator { get; } = TestTokens.For(PlatformRoles.Coordinator, lifetime: Lifetime);

    public string Finance { get; } = TestTokens.For(PlatformRoles.Finance, lifetime: Lifetime);

    public string City(string cityId)
    {
        lock (_cityTokens)
        {
            if (!_cityTokens.TryGetValue(cityId, out var token))
            {
                _cityTokens[cityId] = token = TestTokens.For(PlatformRoles.City, cityId: cityId, lifetime: Lifetime);
            }

            return token;
        }
    }

    public async Task<JsonElement> ExpectAsync(HttpStatusCode status, HttpMethod method, string path, string token, object? body = null)
    {
        var (actual, json, text) = await SendAsync(method, path, token, body);
        return actual == status ? json : throw new InvalidOperationException($"{method} {path} answered {(int)actual}, expected {(int)status}: {text}");
    }

    /// <summary>A GET that may not find its object yet: the body on 200, null on 404.</summary>
    public async Task<JsonElement?> FindAsync(string path, string token)
    {
        var (status, json, text) = await SendAsync(HttpMethod.Get, path, token, null);
        return status switch
        {
            HttpStatusCode.OK => json,
            HttpStatusCode.NotFound => null,
            _ => throw new InvalidOperationException($"GET {path} answered {(int)status}: {text}"),
        };
    }

    public async Task<(HttpStatusCode Status, JsonElement Body, string Text)> SendAsync(HttpMethod method, string path, string token, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (method == HttpMethod.Post)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
            ? JsonSerializer.Deserialize<JsonElement>(text)
            : default;
        return (response.StatusCode, json, text);
    }

    public void Dispose() => _http.Dispose();
}
