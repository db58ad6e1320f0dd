using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Tokens;

/// <summary>How the issuer behaves with its key missing, wrong or turned off, and with bad client registrations.</summary>
public sealed class IssuerConfigurationTests
{
    [Fact]
    public async Task MakesAnEphemeralKeyInDevelopmentAndTrustsItsTokens()
    {
        using var gateway = new GatewayFactory
        {
            EnvironmentName = "Development",
            Overrides = new Dictionary<string, string?>(GatewayFactory.AllClustersAt(EchoServer.ClosedAddress()))
            {
                ["TokenIssuer:SigningKeyPem"] = null,
                ["Auth:SigningKeys:0"] = null,
            },
        };
        var http = gateway.CreateClient();

        var token = await TokenRequests.AccessTokenAsync(http, TestClients.Coordinator);
        var jwks = new JsonWebKeySet(await http.GetStringAsync("/.well-known/jwks.json"));
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = GatewayFactory.Issuer,
            ValidAudience = GatewayFactory.Audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/trust/scores");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var proxied = await http.SendAsync(request);

        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.NotEqual(TestKeys.KeyId, ((JsonWebToken)validation.SecurityToken).Kid);
        Assert.Equal(HttpStatusCode.BadGateway, proxied.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void RefusesToStartWithoutSigningKeyOutsideDevelopment(string? pem)
    {
        using var gateway = new GatewayFactory { Overrides = new Dictionary<string, string?> { ["TokenIssuer:SigningKeyPem"] = pem } };

        var error = Assert.Throws<InvalidOperationException>(() => gateway.CreateClient());
        Assert.Contains("TokenIssuer:SigningKeyPem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesToStartWithAPublicKeyAsSigningKey()
    {
        using var gateway = new GatewayFactory { Overrides = new Dictionary<string, string?> { ["TokenIssuer:SigningKeyPem"] = TestKeys.PublicKeyPem } };

        var error = Assert.Throws<InvalidOperationException>(() => gateway.CreateClient());
        Assert.Contains("private key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Role", "mayor")]
    [InlineData("CityId", null)]
    [InlineData("SecretHash", "city-secret-1")]
    [InlineData("EvaluatorId", "tsinghua-cpp")]
    public void RefusesToStartWithAnAmbiguousCityClient(string field, string? value)
    {
        var cityIndex = TestClients.All.ToList().IndexOf(TestClients.City);
        using var gateway = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?> { [$"TokenIssuer:Clients:{cityIndex}:{field}"] = value },
        };

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());
        Assert.Contains(TestClients.City.ClientId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServesNoTokenEndpointWhenTheIssuerIsTurnedOff()
    {
        using var gateway = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?> { ["TokenIssuer:Enabled"] = "false", ["TokenIssuer:SigningKeyPem"] = null },
        };
        var http = gateway.CreateClient();

        using var token = await TokenRequests.PostWithBasicAsync(http, TestClients.City.ClientId, TestClients.City.Secret);
        using var jwks = await http.GetAsync("/.well-known/jwks.json");

        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, jwks.StatusCode);
    }

    [Fact]
    public async Task IssuesTokensForTheConfiguredLifetime()
    {
        using var gateway = new GatewayFactory { Overrides = new Dictionary<string, string?> { ["TokenIssuer:LifetimeSeconds"] = "120" } };

        using var response = await TokenRequests.PostWithBasicAsync(gateway.CreateClient(), TestClients.City.ClientId, TestClients.City.Secret);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal(120, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(TimeSpan.FromSeconds(120), token.ValidTo - token.IssuedAt);
    }
}
