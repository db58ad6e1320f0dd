using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.ServiceDefaults.Security;

namespace Platform.EndToEndTests.Security;

/// <summary>
/// One access token per role, obtained from the gateway's token endpoint with the demo clients (architecture.md §6),
/// and the calls the suite makes with them. Tokens are fetched once per test run: each costs a PBKDF2 hash.
/// </summary>
public sealed class PlatformCallers(PlatformFixture platform)
{
    public const string CityA = "hangzhou";
    public const string CityB = "huzhou";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<string, (string Token, DateTime FetchedAt)> Tokens = [];

    /// <summary>A client of every role; the city is <see cref="CityA"/>.</summary>
    public static IReadOnlyDictionary<string, string> ClientOf { get; } = new Dictionary<string, string>
    {
        [PlatformRoles.City] = "city-" + CityA,
        [PlatformRoles.Coordinator] = "coordinator",
        [PlatformRoles.Evaluator] = "evaluator-tsinghua",
        [PlatformRoles.Finance] = "finance",
        [PlatformRoles.Auditor] = "auditor",
    };

    public HttpClient Gateway { get; } = new() { BaseAddress = platform.Gateway.BaseAddress };

    public async Task<string> TokenAsync(string role)
    {
        await Gate.WaitAsync();
        try
        {
            // Tokens live 10 minutes; a long run fetches new ones.
            if (!Tokens.TryGetValue(role, out var cached) || DateTime.UtcNow - cached.FetchedAt > TimeSpan.FromMinutes(5))
            {
                var client = ClientOf[role];
                using var response = await Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = client,
                    ["client_secret"] = client == "evaluator-tsinghua" ? "evaluator-secret" : $"{client}-secret",
                }));
                response.EnsureSuccessStatusCode();
                var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
                cached = Tokens[role] = (token, DateTime.UtcNow);
            }

            return cached.Token;
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? bearer)
    {
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using (request)
        {
            // Headers only: a live feed (Server-Sent Events) never ends, and disposing the response closes it.
            return await Gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        }
    }

    public async Task<HttpResponseMessage> SendAsRoleAsync(HttpRequestMessage request, string role) =>
        await SendAsync(request, await TokenAsync(role));
}
