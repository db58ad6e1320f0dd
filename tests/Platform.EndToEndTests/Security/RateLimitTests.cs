using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.ServiceDefaults.Security;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEndTests.Security;

/// <summary>
/// The per-client rate limit as a real process enforces it: a second gateway with a tight limit (three requests, three
/// more every five seconds) in front of the platform's gateway, so the suite's other calls never share its budget.
/// Past the limit a client gets 429 with Retry-After, a refused write changes nothing, and after the wait it is served.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RateLimitTests(PlatformFixture platform) : IAsyncLifetime
{
    private ServiceProcess Limited { get; set; } = null!;

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["TokenIssuer__SigningKeyPem"] = TestTokens.PrivateKeyPem,
            ["Auth__SigningKeys__0"] = TestTokens.PublicKeyPem,
            ["Logging__LogLevel__Default"] = "Warning",
            ["RateLimiting__Clients__PermitLimit"] = "3",
            ["RateLimiting__Clients__TokensPerPeriod"] = "3",
            ["RateLimiting__Clients__Period"] = "00:00:05",
            ["ConnectionStrings__postgres"] = platform.Gateway.Environment["ConnectionStrings__postgres"],
        };
        foreach (var cluster in PlatformProcesses.Services.Keys)
        {
            environment[$"ReverseProxy__Clusters__{cluster}__Destinations__d1__Address"] = platform.Gateway.BaseAddress.ToString();
        }

        Limited = new ServiceProcess("gateway-rate-limited", "gateway/Platform.Gateway", environment);
        Limited.Start();
        await Limited.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync() => await Limited.DisposeAsync();

    [Fact]
    public async Task ClientOverItsLimitGetsTooManyRequestsChangesNothingAndIsServedAfterRetryAfter()
    {
        using var http = new HttpClient { BaseAddress = Limited.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Coordinator());

        // The bucket refills on a timer of its own, so a refill can fall between the refused read and the write. Then the
        // write is served, and so is the read right after it (two of the three new tokens): only that case is tried again,
        // with another city. A write served while the read after it is refused went through an empty bucket.
        string cityId;
        HttpResponseMessage refused;
        for (var attempt = 1; ; attempt++)
        {
            cityId = "ratelimit" + Guid.NewGuid().ToString("N")[..6];
            refused = await ExhaustAsync(http);
            using var write = await PostMemberAsync(http, cityId);
            if (write.StatusCode == HttpStatusCode.TooManyRequests)
            {
                break;
            }

            refused.Dispose();
            using var next = await http.GetAsync("/api/trust/scores");
            Assert.True(
                next.StatusCode == HttpStatusCode.OK && attempt < 3,
                $"the write past the limit got {(int)write.StatusCode}, and the read right after it {(int)next.StatusCode} (attempt {attempt})");
        }

        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 5);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());

        // The bucket refills on its own timer: after the advertised wait it serves again within one period.
        await Task.Delay(TimeSpan.FromSeconds(retryAfter));
        await Eventually.Until(
            async () => (await http.GetAsync("/api/trust/scores")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(retryAfter + 3),
            "the client to be served again after Retry-After");

        using var coordinator = await platform.ClientAsync(PlatformRoles.Coordinator);
        using var member = await coordinator.GetAsync($"/api/cost-sharing/members/{cityId}");
        Assert.Equal(HttpStatusCode.NotFound, member.StatusCode);
    }

    /// <summary>Reads until the gateway refuses one; returns that refusal.</summary>
    private static async Task<HttpResponseMessage> ExhaustAsync(HttpClient http)
    {
        for (var i = 0; i < 20; i++)
        {
            var response = await http.GetAsync("/api/trust/scores");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"{response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            response.Dispose();
        }

        throw new Xunit.Sdk.XunitException("Twenty reads in a row were served; the limit is three.");
    }

    private static Task<HttpResponseMessage> PostMemberAsync(HttpClient http, string cityId) =>
        http.PostAsJsonAsync("/api/cost-sharing/members", new
        {
            cityId, name = cityId, province = "安徽省", population = 1_000, gdpCny = 1m, contact = new { name = "x", email = "x@example.gov.cn" },
        });
}
