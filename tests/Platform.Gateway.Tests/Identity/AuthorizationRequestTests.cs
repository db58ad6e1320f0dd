using System.Net;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Identity;

/// <summary>What the authorize endpoint refuses before anyone is asked to sign in.</summary>
public sealed class AuthorizationRequestTests(PeopleGateway fixture) : IClassFixture<PeopleGateway>
{
    [Fact]
    public async Task RefusesARequestWithoutPkce()
    {
        var browser = new BrowserSession(fixture.Gateway);
        var path = browser.AuthorizePath().Replace("&code_challenge_method=S256", "", StringComparison.Ordinal);
        path = System.Text.RegularExpressions.Regex.Replace(path, "&code_challenge=[^&]*", "");

        using var response = await browser.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task RefusesThePlainChallengeMethod()
    {
        var browser = new BrowserSession(fixture.Gateway);

        using var response = await browser.Http.GetAsync(browser.AuthorizePath().Replace("=S256", "=plain", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("test-city-hangzhou", BrowserSession.RedirectUri)]
    [InlineData("finance-console", "https://evil.example/console/signin-oidc")]
    public async Task RefusesOtherClientsAndUnregisteredRedirects(string clientId, string redirectUri)
    {
        var browser = new BrowserSession(fixture.Gateway);

        using var response = await browser.Http.GetAsync(browser.AuthorizePath(clientId: clientId, redirectUri: redirectUri));

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task RefusesTheAuthorizationCodeGrantToAMachineClient()
    {
        using var response = await TokenRequests.PostWithBasicAsync(
            fixture.Gateway.CreateClient(), TestClients.Coordinator.ClientId, TestClients.Coordinator.Secret, "authorization_code");

        Assert.Equal("unsupported_grant_type", await TokenRequests.ErrorCodeAsync(response));
    }
}
