using System.Net;
using System.Net.Http.Headers;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Tokens;

/// <summary>Refusals, with the error codes of RFC 6749 §5.2.</summary>
public sealed partial class TokenEndpointTests
{
    [Fact]
    public async Task RefusesWrongSecretAsInvalidClientWithChallenge()
    {
        using var response = await TokenRequests.PostWithBasicAsync(http, TestClients.City.ClientId, "wrong-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", await TokenRequests.ErrorCodeAsync(response));
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task RefusesUnknownClientAsInvalidClient()
    {
        using var response = await TokenRequests.PostWithBasicAsync(http, "city-atlantis", TestClients.City.Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", await TokenRequests.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task RefusesRequestWithoutClientAuthenticationAsInvalidClient()
    {
        using var response = await TokenRequests.PostFormAsync(http, ("grant_type", "client_credentials"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", await TokenRequests.ErrorCodeAsync(response));
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("authorization_code")]
    [InlineData("Client_Credentials")]
    public async Task RefusesOtherGrantTypesAsUnsupportedGrantType(string grantType)
    {
        using var response = await TokenRequests.PostWithBasicAsync(http, TestClients.City.ClientId, TestClients.City.Secret, grantType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", await TokenRequests.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task RefusesMissingGrantTypeAsInvalidRequest()
    {
        using var response = await TokenRequests.PostFormAsync(http,
            ("client_id", TestClients.City.ClientId), ("client_secret", TestClients.City.Secret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", await TokenRequests.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task RefusesClientIdWithoutSecretAsInvalidRequest()
    {
        using var response = await TokenRequests.PostFormAsync(http,
            ("grant_type", "client_credentials"), ("client_id", TestClients.City.ClientId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", await TokenRequests.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task RefusesTwoAuthenticationMethodsAtOnceAsInvalidRequest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([
                new("grant_type", "client_credentials"),
                new("client_id", TestClients.City.ClientId),
                new("client_secret", TestClients.City.Secret)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dGVzdC1jaXR5LWhhbmd6aG91OmNpdHktc2VjcmV0LTE=");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", await TokenRequests.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task RefusesRepeatedParametersAsInvalidRequest()
    {
        using var response = await TokenRequests.PostFormAsync(http,
            ("grant_type", "client_credentials"), ("grant_type", "client_credentials"),
            ("client_id", TestClients.City.ClientId), ("client_secret", TestClients.City.Secret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", await TokenRequests.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task RefusesJsonBodyAsInvalidRequest()
    {
        using var response = await http.PostAsync("/connect/token", new StringContent(
            """{"grant_type":"client_credentials"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", await TokenRequests.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task RefusesMalformedBasicHeaderAsInvalidClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "not*base64");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", await TokenRequests.ErrorCodeAsync(response));
    }
}
