using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Proxy;

/// <summary>
/// A write the chosen replica refused to connect goes to another replica, body and all, instead of answering 502; a
/// write a replica received is never sent to a second one, even when that replica then failed.
/// </summary>
public sealed class ReplicaFailoverTests
{
    private const int Requests = 20;

    [Fact]
    public async Task AWriteARefusingReplicaNeverReceivedIsAnsweredByTheOtherWithItsWholeBody()
    {
        await using var live = await StubServer.StartAsync(async c =>
        {
            using var body = new StreamReader(c.Request.Body);
            c.Response.StatusCode = StatusCodes.Status201Created;
            await c.Response.WriteAsync(await body.ReadToEndAsync());
        });
        using var gateway = TwoReplicas(EchoServer.ClosedAddress(), live.Address);
        var http = gateway.CreateClient();
        var token = Bearer.Token("coordinator");

        for (var i = 0; i < Requests; i++)
        {
            var sent = new { cityId = $"city-{i}", note = new string('x', 10_000 + i) };
            using var response = await http.SendAsync(Bearer.Request(HttpMethod.Post, "/api/cost-sharing/members", token, JsonContent.Create(sent)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var echoed = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(sent.cityId, echoed.GetProperty("cityId").GetString());
            Assert.Equal(sent.note, echoed.GetProperty("note").GetString());
        }

        Assert.Equal(Requests, live.Calls("POST", "/api/cost-sharing/members"));
    }

    [Fact]
    public async Task AWriteAReplicaReceivedIsNeverSentToAnotherWhenThatReplicaFails()
    {
        await using var first = await StubServer.StartAsync(Abort);
        await using var second = await StubServer.StartAsync(Abort);
        using var gateway = TwoReplicas(first.Address, second.Address);
        var http = gateway.CreateClient();
        var token = Bearer.Token("coordinator");

        for (var i = 0; i < Requests; i++)
        {
            using var response = await http.SendAsync(Bearer.Request(HttpMethod.Post, "/api/cost-sharing/members", token, JsonContent.Create(new { cityId = $"city-{i}" })));
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        }

        Assert.Equal(Requests, first.AllCalls + second.AllCalls);
    }

    [Fact]
    public async Task WhenEveryReplicaRefusesTheCallerGetsTheBadGatewayProblem()
    {
        using var gateway = TwoReplicas(EchoServer.ClosedAddress(), EchoServer.ClosedAddress());
        var http = gateway.CreateClient();

        using var response = await http.SendAsync(Bearer.Request(HttpMethod.Post, "/api/cost-sharing/members", Bearer.Token("coordinator"), JsonContent.Create(new { cityId = "x" })));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("cost-sharing", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static GatewayFactory TwoReplicas(string first, string second) => new()
    {
        Overrides = new Dictionary<string, string?>(GatewayFactory.AllClustersAt(first))
        {
            ["ReverseProxy:Clusters:cost-sharing:Destinations:d2:Address"] = second,
        },
    };

    /// <summary>Reads the request, then drops the connection without an answer: the replica may have acted on it.</summary>
    private static async Task Abort(HttpContext context)
    {
        using var body = new StreamReader(context.Request.Body);
        await body.ReadToEndAsync();
        context.Abort();
    }
}
