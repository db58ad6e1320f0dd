using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Tokens;

/// <summary>HTTP Basic with a <c>client_id</c> field that only names the client (RFC 6749 §3.2.1), as the API reference page sends it.</summary>
public sealed partial class TokenEndpointTests
{
    [Fact]
    public async Task AcceptsBasicAuthenticationWithTheSameClientIdInTheBody()
    {
        using var response = await http.SendAsync(BasicWithBodyClientId(TestClients.City.ClientId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RefusesBasicAuthenticationWithAnotherClientIdInTheBody()
    {
        using var response = await http.SendAsync(BasicWithBodyClientId(TestClients.Coordinator.ClientId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", await TokenRequests.ErrorCodeAsync(response));
    }

    private static HttpRequestMessage BasicWithBodyClientId(string bodyClientId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", bodyClientId)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestClients.City.ClientId}:{TestClients.City.Secret}")));
        return request;
    }
}
