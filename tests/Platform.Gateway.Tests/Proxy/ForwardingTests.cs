using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Proxy;

public sealed class ForwardingTests(EchoGateway fixture) : IClassFixture<EchoGateway>
{
    private readonly HttpClient http = fixture.Gateway.CreateClient();

    [Theory]
    [InlineData("/api/cost-sharing/incidents?page=2")]
    [InlineData("/api/fund/accounts/hangzhou")]
    [InlineData("/api/trust/scores")]
    [InlineData("/api/evaluation/rounds/2025")]
    public async Task ForwardsThePathUnchangedWithTheBearerToken(string path)
    {
        var token = await TokenRequests.AccessTokenAsync(http, TestClients.City);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var echoed = await SendAsync(request);

        Assert.Equal(path, echoed.Path);
        Assert.Equal($"Bearer {token}", echoed.Headers["Authorization"]);
    }

    [Fact]
    public async Task StripsSpoofedIdentityHeadersBeforeForwarding()
    {
        var token = await TokenRequests.AccessTokenAsync(http, TestClients.City);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/trust/scores");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        string[] spoofed =
        [
            "X-City-Id", "X-Role", "X-Client-Id", "X-Evaluator-Id", "X-User-Id", "X-User-Roles", "X-Internal-Caller",
            "X-Original-URL", "X-Forwarded-User", "X-Forwarded-Host", "Forwarded", "X-Real-IP", "x-city-id",
        ];
        foreach (var header in spoofed.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            request.Headers.TryAddWithoutValidation(header, "spoofed-jiaxing");
        }

        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.9");
        request.Headers.TryAddWithoutValidation("X-Request-Note", "kept");

        var echoed = await SendAsync(request);

        Assert.Equal("kept", echoed.Headers["X-Request-Note"]);
        Assert.Contains("Authorization", echoed.Headers.Keys);
        Assert.Equal("localhost", echoed.Headers["X-Forwarded-Host"]);
        Assert.DoesNotContain("X-City-Id", echoed.Headers.Keys);
        Assert.DoesNotContain(echoed.Headers, h => h.Value.Contains("spoofed", StringComparison.Ordinal) || h.Value.Contains("203.0.113.9", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForwardsTheCorrelationIdTheCallerSeesInTheResponse()
    {
        var token = await TokenRequests.AccessTokenAsync(http, TestClients.City);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/fund/balances");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>();

        var correlationId = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Equal(correlationId, echoed!.Headers["X-Correlation-Id"]);
    }

    private async Task<EchoedRequest> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EchoedRequest>())!;
    }
}
