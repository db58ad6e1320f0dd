using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Gateway.Tests.Proxy;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Security;

/// <summary>
/// Only the identity provider's endpoints (token, authorize, end session, user info, sign-in page), discovery, the API
/// reference and health are open; everything else needs a token.
/// </summary>
public sealed class AnonymousEndpointsTests(EchoGateway fixture) : IClassFixture<EchoGateway>
{
    private static readonly string[] OpenPrefixes =
        ["/connect/token", "/connect/authorize", "/connect/endsession", "/connect/userinfo", "/account/login", "/.well-known/", "/openapi", "/asyncapi", "/docs", "/health/", "/metrics"];

    [Fact]
    public void OnlyTokenDiscoveryApiReferenceAndHealthEndpointsAllowAnonymousCallers()
    {
        _ = fixture.Gateway.CreateClient();
        var endpoints = fixture.Gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var anonymous = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToList();

        Assert.Contains(anonymous, p => p.StartsWith("/connect/token", StringComparison.Ordinal));
        Assert.Contains(anonymous, p => p.StartsWith("/docs", StringComparison.Ordinal));
        Assert.All(anonymous, p => Assert.Contains(OpenPrefixes, prefix => p.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Contains(endpoints, e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/api/unknown-service/things")]
    [InlineData("/connect/unknown")]
    public async Task FallbackPolicyRefusesUnmatchedPathsWithoutToken(string path)
    {
        var http = fixture.Gateway.CreateClient();

        using var anonymous = await http.GetAsync(path);
        using var authenticated = await http.SendAsync(Bearer.Request(HttpMethod.Get, path, Bearer.Token("coordinator")));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, authenticated.StatusCode);
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/jwks.json")]
    [InlineData("/openapi")]
    [InlineData("/docs")]
    [InlineData("/asyncapi")]
    [InlineData("/health/ready")]
    public async Task OpenEndpointsAnswerWithoutToken(string path)
    {
        using var response = await fixture.Gateway.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void RefusesToStartWithAnAnonymousProxyRoute()
    {
        using var gateway = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?> { ["ReverseProxy:Routes:trust-score-reads:AuthorizationPolicy"] = "Anonymous" },
        };

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());
        Assert.Contains("Route 'trust-score-reads' is anonymous", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesToStartWithARouteNamingAnUnknownPolicy()
    {
        using var gateway = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?> { ["ReverseProxy:Routes:trust-score-reads:AuthorizationPolicy"] = "mayors-only" },
        };

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());
        Assert.Contains("mayors-only", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProblemDetailsExplainTheRefusal()
    {
        using var response = await fixture.Gateway.CreateClient().GetAsync("/api/trust/scores");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, (int)response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }
}
