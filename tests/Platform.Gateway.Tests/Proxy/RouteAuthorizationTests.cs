using System.Net;
using System.Net.Http.Headers;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Proxy;

/// <summary>Every route requires an authenticated caller with a platform role; the echo behind it must never be reached otherwise.</summary>
public sealed class RouteAuthorizationTests(EchoGateway fixture) : IClassFixture<EchoGateway>
{
    private readonly HttpClient http = fixture.Gateway.CreateClient();

    [Theory]
    [InlineData("/api/cost-sharing/incidents")]
    [InlineData("/api/fund/accounts")]
    [InlineData("/api/trust/scores")]
    [InlineData("/api/evaluation/rounds")]
    public async Task RefusesProxiedRouteWithoutToken(string path)
    {
        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task RefusesTokenSignedWithAnotherKey()
    {
        using var otherKey = System.Security.Cryptography.RSA.Create(2048);
        var impostor = new SigningCredentials(new RsaSecurityKey(otherKey) { KeyId = TestKeys.KeyId }, SecurityAlgorithms.RsaSha256)
        {
            // The key is disposed when the test ends: keep its signer out of the process-wide cache.
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
        var token = Token(impostor, "city");

        using var response = await GetWithTokenAsync("/api/trust/scores", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/cost-sharing/incidents")]
    [InlineData("/api/fund/accounts")]
    [InlineData("/api/trust/scores")]
    [InlineData("/api/evaluation/rounds")]
    public async Task RefusesTokenWithoutPlatformRole(string path)
    {
        using var response = await GetWithTokenAsync(path, Token(TestKeys.SigningCredentials, role: "mayor"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task LetsEveryPlatformRoleThrough()
    {
        foreach (var role in Platform.ServiceDefaults.Security.PlatformRoles.All)
        {
            using var response = await GetWithTokenAsync("/api/trust/scores", Token(TestKeys.SigningCredentials, role));

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role}: {response.StatusCode}");
        }
    }

    private Task<HttpResponseMessage> GetWithTokenAsync(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    private static string Token(SigningCredentials credentials, string role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = GatewayFactory.Issuer,
        Audience = GatewayFactory.Audience,
        Expires = DateTime.UtcNow.AddMinutes(5),
        Claims = new Dictionary<string, object> { ["sub"] = "someone", ["role"] = role },
        SigningCredentials = credentials,
    });
}
