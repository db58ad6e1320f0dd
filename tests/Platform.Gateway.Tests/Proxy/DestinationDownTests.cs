using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Proxy;

public sealed class DestinationDownTests : IDisposable
{
    private readonly string closedAddress = EchoServer.ClosedAddress();
    private readonly GatewayFactory gateway;

    public DestinationDownTests() => gateway = new GatewayFactory { Overrides = GatewayFactory.AllClustersAt(closedAddress) };

    [Fact]
    public async Task AnswersProblemDetailsWhenTheServiceIsDown()
    {
        var http = gateway.CreateClient();
        var token = await TokenRequests.AccessTokenAsync(http, TestClients.Coordinator);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/evaluation/rounds");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(502, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("evaluation", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersServiceUnavailableProblemWhenAClusterHasNoDestination()
    {
        using var empty = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?>
            {
                ["ReverseProxy:Routes:trust-score-reads:ClusterId"] = "trust-score-drained",
                ["ReverseProxy:Clusters:trust-score-drained:LoadBalancingPolicy"] = "RoundRobin",
            },
        };
        var http = empty.CreateClient();
        var token = await TokenRequests.AccessTokenAsync(http, TestClients.Coordinator);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/trust/scores");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("trust-score", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Not probed: a client comes back after the chart's probe interval, as after any 503 it is told when to.
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
    }

    public void Dispose() => gateway.Dispose();
}
