using System.Net;
using Platform.Gateway.Tests.Proxy;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Observability;

/// <summary>What the gateway's <c>/metrics</c> tells about requests, refused authentications and rate-limit refusals.</summary>
public sealed class MetricsTests(EchoGateway fixture) : IClassFixture<EchoGateway>
{
    private readonly HttpClient http = fixture.Gateway.CreateClient();

    [Fact]
    public async Task CountsRequestsByRouteRoleMethodAndStatus()
    {
        using var served = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", Bearer.Token("auditor")));
        using var refused = await http.SendAsync(Bearer.Request(HttpMethod.Post, "/api/trust/scores", Bearer.Token("auditor")));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var metrics = await http.GetStringAsync("/metrics");

        AssertCounted(metrics, "gateway_requests_total{route=\"trust-score-reads\",role=\"auditor\",method=\"GET\",code=\"200\"}");
        AssertCounted(metrics, "gateway_requests_total{route=\"trust-score-writes\",role=\"auditor\",method=\"POST\",code=\"403\"}");
        AssertCounted(metrics, "gateway_request_duration_seconds_count{route=\"trust-score-reads\",role=\"auditor\"}");
    }

    [Fact]
    public async Task CountsRefusedAuthenticationsByReason()
    {
        using var missing = await http.GetAsync("/api/trust/scores");
        using var expired = await http.SendAsync(Bearer.Request(
            HttpMethod.Get, "/api/trust/scores", Bearer.Token("city", expires: DateTime.UtcNow.AddMinutes(-5))));
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);

        var metrics = await http.GetStringAsync("/metrics");

        AssertCounted(metrics, "platform_authentication_failures_total{reason=\"missing_token\"}");
        AssertCounted(metrics, "platform_authentication_failures_total{reason=\"expired\"}");
        AssertCounted(metrics, "gateway_requests_total{route=\"trust-score-reads\",role=\"anonymous\",method=\"GET\",code=\"401\"}");
    }

    private static void AssertCounted(string metrics, string series)
    {
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"{series} is not in /metrics");
        Assert.True(double.Parse(line![(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture) >= 1, line);
    }
}
