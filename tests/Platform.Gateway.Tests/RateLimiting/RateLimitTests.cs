using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.RateLimiting;

/// <summary>
/// Two requests per bucket, one more every two seconds: the third is refused with 429 problem details and a Retry-After,
/// another client is unaffected, and after the wait the client is served again.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private StubServer service = null!;
    private GatewayFactory Gateway { get; set; } = null!;

    public async Task InitializeAsync()
    {
        service = await StubServer.StartAsync(c => c.Response.WriteAsync("ok"));
        Gateway = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?>(GatewayFactory.AllClustersAt(service.Address))
            {
                ["RateLimiting:Clients:PermitLimit"] = "2",
                ["RateLimiting:Clients:TokensPerPeriod"] = "1",
                ["RateLimiting:Clients:Period"] = "00:00:02",
                ["RateLimiting:Anonymous:PermitLimit"] = "2",
                ["RateLimiting:Anonymous:TokensPerPeriod"] = "1",
                ["RateLimiting:Anonymous:Period"] = "00:00:10",
            },
        };
    }

    [Fact]
    public async Task RefusesAClientOverItsLimitWithRetryAfterAndServesItAgainLater()
    {
        var http = Gateway.CreateClient();
        var token = Bearer.Token("city", clientId: "city-over-limit", cityId: "huzhou");

        // The bucket refills on a timer, so a refill may fall between two of these requests: count, don't pin.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var response = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", token));
            statuses.Add(response.StatusCode);
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(refused);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(2));
        Assert.InRange(statuses.Count, 3, 4);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 2);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("city-over-limit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(statuses.Count - 1, service.Calls("GET", "/api/trust/scores"));

        using var otherClient = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", Bearer.Token("auditor", clientId: "auditor-2")));
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);

        // Retry-After is whole seconds and the bucket refills on its own timer, so the refill lands within one
        // period after the advertised wait; poll for it rather than pin the instant.
        await Task.Delay(TimeSpan.FromSeconds(retryAfter));
        var recovered = HttpStatusCode.TooManyRequests;
        for (var deadline = DateTime.UtcNow.AddSeconds(3); recovered != HttpStatusCode.OK && DateTime.UtcNow < deadline;)
        {
            using var later = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", token));
            recovered = later.StatusCode;
            if (recovered != HttpStatusCode.OK)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }

        Assert.Equal(HttpStatusCode.OK, recovered);
    }

    [Fact]
    public async Task LimitsTheTokenEndpointPerAddress()
    {
        var http = Gateway.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await TokenRequests.PostWithBasicAsync(http, TestClients.City.ClientId, "wrong-secret");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task CountsForgedTokensAgainstTheAddressNotTheClientTheyName()
    {
        var http = Gateway.CreateClient();
        var forged = Bearer.Token("coordinator", clientId: "victim", issuer: "https://someone-else.test");
        for (var i = 0; i < 3; i++)
        {
            using var _ = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", forged));
        }

        using var victim = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", Bearer.Token("coordinator", clientId: "victim")));

        Assert.Equal(HttpStatusCode.OK, victim.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await service.DisposeAsync();
    }
}
