using System.Net;
using Microsoft.AspNetCore.Http;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Proxy;

/// <summary>A service that fails once: a GET is sent again and succeeds, a POST is never sent twice.</summary>
public sealed class RetryTests : IAsyncLifetime
{
    private StubServer service = null!;
    private GatewayFactory Gateway { get; set; } = null!;

    public async Task InitializeAsync()
    {
        service = await StubServer.StartAsync(FailEveryOtherRequestAsync);
        Gateway = new GatewayFactory { Overrides = GatewayFactory.AllClustersAt(service.Address) };
    }

    [Fact]
    public async Task RetriesAGetThatTheServiceCouldNotAnswer()
    {
        using var response = await Gateway.CreateClient().SendAsync(
            Bearer.Request(HttpMethod.Get, "/api/trust/scores/anqing", Bearer.Token("coordinator")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, service.Calls("GET", "/api/trust/scores/anqing"));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task NeverSendsAWriteTwice(string method)
    {
        using var response = await Gateway.CreateClient().SendAsync(Bearer.Request(
            new HttpMethod(method), "/api/cost-sharing/members/anqing", Bearer.Token("coordinator"),
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, service.Calls(method, "/api/cost-sharing/members/anqing"));
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await service.DisposeAsync();
    }

    private Task FailEveryOtherRequestAsync(HttpContext context)
    {
        if (service.Calls(context.Request.Method, context.Request.Path) % 2 == 1)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        }

        return context.Response.WriteAsync("ok");
    }
}
