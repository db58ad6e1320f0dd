using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Tokens;

/// <summary>The client credentials grant when it succeeds; <c>TokenEndpointTests.Errors.cs</c> has the refusals.</summary>
public sealed partial class TokenEndpointTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private readonly HttpClient http = gateway.CreateClient();

    [Fact]
    public async Task IssuesTokenWithCityClaimForCityClient()
    {
        using var response = await TokenRequests.PostWithBasicAsync(http, TestClients.City.ClientId, TestClients.City.Secret);

        var token = await ValidTokenFromAsync(response);
        Assert.Equal(TestClients.City.ClientId, token.Subject);
        Assert.Equal(TestClients.City.ClientId, token.GetClaim("client_id").Value);
        Assert.Equal("city", token.GetClaim("role").Value);
        Assert.Equal("hangzhou", token.GetClaim("city_id").Value);
        Assert.False(token.TryGetClaim("evaluator_id", out _));
    }

    [Fact]
    public async Task IssuesTokenWithEvaluatorClaimForEvaluatorClient()
    {
        using var response = await TokenRequests.PostWithBasicAsync(http, TestClients.Evaluator.ClientId, TestClients.Evaluator.Secret);

        var token = await ValidTokenFromAsync(response);
        Assert.Equal("evaluator", token.GetClaim("role").Value);
        Assert.Equal("tsinghua-cpp", token.GetClaim("evaluator_id").Value);
        Assert.False(token.TryGetClaim("city_id", out _));
    }

    [Fact]
    public async Task AcceptsClientCredentialsInTheFormBody()
    {
        using var response = await TokenRequests.PostFormAsync(http,
            ("grant_type", "client_credentials"), ("client_id", TestClients.Coordinator.ClientId), ("client_secret", TestClients.Coordinator.Secret));

        var token = await ValidTokenFromAsync(response);
        Assert.Equal("coordinator", token.GetClaim("role").Value);
    }

    [Fact]
    public async Task SignsWithTheConfiguredKeyAndStampsLifetimeAndIdentity()
    {
        using var response = await TokenRequests.PostWithBasicAsync(http, TestClients.City.ClientId, TestClients.City.Secret);

        var token = await ValidTokenFromAsync(response);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(TestKeys.KeyId, token.Kid);
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal(token.IssuedAt, token.ValidFrom);
        Assert.Equal(TimeSpan.FromSeconds(600), token.ValidTo - token.IssuedAt);
        Assert.InRange(token.IssuedAt, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));
        Assert.False(string.IsNullOrEmpty(token.Id));
    }

    [Fact]
    public async Task GivesEveryTokenItsOwnId()
    {
        using var first = await TokenRequests.PostWithBasicAsync(http, TestClients.City.ClientId, TestClients.City.Secret);
        using var second = await TokenRequests.PostWithBasicAsync(http, TestClients.City.ClientId, TestClients.City.Secret);

        Assert.NotEqual((await ValidTokenFromAsync(first)).Id, (await ValidTokenFromAsync(second)).Id);
    }

    [Fact]
    public async Task AnswersInTheShapeOfRfc6749AndForbidsCaching()
    {
        using var response = await TokenRequests.PostWithBasicAsync(http, TestClients.City.ClientId, TestClients.City.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(600, body.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
    }

    /// <summary>Validates as a service would: the public key only, pinned issuer, audience and algorithm.</summary>
    private static async Task<JsonWebToken> ValidTokenFromAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(body.GetProperty("access_token").GetString(), new TokenValidationParameters
        {
            ValidIssuer = GatewayFactory.Issuer,
            ValidAudience = GatewayFactory.Audience,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKey = TestKeys.PublicKey,
            RequireExpirationTime = true,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }
}
