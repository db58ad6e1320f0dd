using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Proxy;

/// <summary>
/// Active health checks probe <c>/health/ready</c> at the destination's <c>Health</c> (management) address; a service
/// that reports not ready gets no traffic (503 problem) until it is ready again. A destination without a
/// <c>Health</c> address is never probed on its API port.
/// </summary>
public sealed class HealthCheckTests : IAsyncLifetime
{
    private StubServer service = null!;
    private StubServer management = null!;

    public async Task InitializeAsync()
    {
        service = await StubServer.StartAsync(c => c.Request.Path.StartsWithSegments("/health")
            ? Status(c, StatusCodes.Status404NotFound)
            : c.Response.WriteAsync("ok"));
        management = await StubServer.StartAsync(c => Status(c, StatusCodes.Status503ServiceUnavailable));
    }

    [Fact]
    public async Task StopsRoutingToADestinationThatIsNotReadyAndResumesWhenItIs()
    {
        using var gateway = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?>(GatewayFactory.AllClustersAt(service.Address))
            {
                ["ReverseProxy:Clusters:trust-score:Destinations:d1:Health"] = management.Address,
                ["ReverseProxy:Clusters:trust-score:HealthCheck:Active:Interval"] = "00:00:00.200",
                ["ReverseProxy:Clusters:trust-score:Metadata:ConsecutiveFailuresHealthPolicy.Threshold"] = "1",
            },
        };
        var http = gateway.CreateClient();
        var token = Bearer.Token("coordinator");

        var down = await PollAsync(http, token, HttpStatusCode.ServiceUnavailable, () => $"management {management.Calls("GET", "/health/ready")} service {service.Calls("GET", "/health/ready")}");
        var problem = await down.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("trust-score", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The next probe, 0.2 s away, could route again: the shortest Retry-After a header can say.
        Assert.Equal(TimeSpan.FromSeconds(1), down.Headers.RetryAfter?.Delta);
        Assert.True(management.Calls("GET", "/health/ready") > 0);
        Assert.Equal(0, service.Calls("GET", "/health/ready"));

        management.Handler = c => c.Response.WriteAsync("Healthy");
        await PollAsync(http, token, HttpStatusCode.OK, () => "");
    }

    [Fact]
    public async Task KeepsRoutingWhenNoHealthAddressIsConfigured()
    {
        using var gateway = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?>(GatewayFactory.AllClustersAt(service.Address))
            {
                ["ReverseProxy:Clusters:trust-score:HealthCheck:Active:Interval"] = "00:00:00.200",
            },
        };
        var http = gateway.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var response = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", Bearer.Token("coordinator")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Task.Delay(200);
        }

        Assert.Equal(0, service.Calls("GET", "/health/ready"));
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await management.DisposeAsync();
    }

    private static Task Status(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static async Task<HttpResponseMessage> PollAsync(HttpClient http, string token, HttpStatusCode expected, Func<string> state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpResponseMessage response;
        do
        {
            response = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", token));
            if (response.StatusCode == expected)
            {
                return response;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Still {response.StatusCode}, expected {expected}; {state()}.");
    }
}
