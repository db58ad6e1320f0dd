using System.Net;
using Microsoft.AspNetCore.Http;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Proxy;

/// <summary>
/// NUL and bidirectional formatting marks in a path or query string are refused at the gateway (400) and never reach
/// a service, where PostgreSQL would refuse the NUL with a server error. Over real HTTP: Kestrel itself refuses a NUL in the
/// path (its request-line decoder), the guard the rest.
/// </summary>
public sealed class PlainTextUrlTests : IAsyncLifetime
{
    private StubServer service = null!;

    public async Task InitializeAsync() => service = await StubServer.StartAsync(c => c.Response.WriteAsync("ok"));

    [Fact]
    public async Task RefusesANulInThePathBeforeRouting()
    {
        using var gateway = new GatewayFactory { Overrides = GatewayFactory.AllClustersAt(service.Address) }.StartOnKestrel();
        using var response = await gateway.CreateClient().SendAsync(
            Bearer.Request(HttpMethod.Get, "/api/fund/members/hang%00zhou/statement", Bearer.Token("coordinator")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, service.AllCalls);
    }

    [Theory]
    [InlineData("/api/fund/members/hang%E2%80%AEzhou/statement")]
    [InlineData("/api/trust/scores?asOf=2026-01-01%00")]
    [InlineData("/api/trust/scores?city%E2%81%A6=x")]
    public async Task RefusesForbiddenCharactersInTheUrl(string url)
    {
        using var gateway = new GatewayFactory { Overrides = GatewayFactory.AllClustersAt(service.Address) }.StartOnKestrel();
        using var response = await gateway.CreateClient().SendAsync(Bearer.Request(HttpMethod.Get, url, Bearer.Token("coordinator")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, service.AllCalls);
    }

    [Fact]
    public async Task ForwardsChineseText()
    {
        using var gateway = new GatewayFactory { Overrides = GatewayFactory.AllClustersAt(service.Address) }.StartOnKestrel();
        using var response = await gateway.CreateClient().SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores?note=%E6%9D%AD%E5%B7%9E", Bearer.Token("coordinator")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task DisposeAsync() => await service.DisposeAsync();
}
