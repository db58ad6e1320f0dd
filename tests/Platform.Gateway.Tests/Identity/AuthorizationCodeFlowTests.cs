using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Identity;

/// <summary>
/// A person signs in to the console: authorize → sign-in form → code → token with PKCE → refresh, over real HTTP, and
/// the token is one the services accept (validated as they validate, and through the gateway's own validation).
/// </summary>
public sealed class AuthorizationCodeFlowTests(PeopleGateway fixture) : IClassFixture<PeopleGateway>
{
    [Fact]
    public async Task IssuesAPersonsTokenThatNamesThePersonAndIsAcceptedLikeAClientsToken()
    {
        var username = await fixture.NewPersonAsync("city", cityId: "hangzhou");
        var browser = new BrowserSession(fixture.Gateway);

        var code = await browser.SignInAndGetCodeAsync(username, PeopleGateway.Password);
        using var response = await browser.RedeemAsync(code);
        var body = await BrowserSession.JsonAsync(response);

        var token = await ValidAsServicesValidateAsync(body.GetProperty("access_token").GetString()!);
        Assert.Equal(username, token.Subject);
        Assert.Equal("city", token.GetClaim("role").Value);
        Assert.Equal("hangzhou", token.GetClaim("city_id").Value);
        Assert.Equal(BrowserSession.ClientId, token.GetClaim("client_id").Value);
        Assert.Equal("Test " + username, token.GetClaim("name").Value);
        Assert.Equal("at+jwt", token.Typ);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("id_token").GetString()));
        using var proxied = await fixture.Gateway.CreateClient().SendAsync(
            Bearer.Request(HttpMethod.Get, "/api/trust/scores", body.GetProperty("access_token").GetString()));
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
    }

    /// <summary>
    /// The console's OpenID Connect handler compares the ID token's <c>iss</c> with discovery's <c>issuer</c> exactly
    /// (OpenID Connect Core §3.1.3.7 step 2; Discovery §4.3): a bare-host issuer with a trailing slash in one and not the
    /// other ends every sign-in on the console's error page.
    /// </summary>
    [Fact]
    public async Task IssuesAnIdTokenThatARelyingPartyAcceptsAgainstTheDiscoveryDocument()
    {
        var username = await fixture.NewPersonAsync("finance");
        var browser = new BrowserSession(fixture.Gateway);
        using var response = await browser.RedeemAsync(await browser.SignInAndGetCodeAsync(username, PeopleGateway.Password));
        var idToken = (await BrowserSession.JsonAsync(response)).GetProperty("id_token").GetString()!;

        var discovery = await new ConfigurationManager<OpenIdConnectConfiguration>(
                new Uri(fixture.Gateway.ClientOptions.BaseAddress, "/.well-known/openid-configuration").ToString(),
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(browser.Http) { RequireHttps = false })
            .GetConfigurationAsync(CancellationToken.None);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = discovery.Issuer,
            ValidAudience = BrowserSession.ClientId,
            IssuerSigningKeys = discovery.SigningKeys,
            RequireExpirationTime = true,
        });

        Assert.Equal(GatewayFactory.Issuer, discovery.Issuer);
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(username, ((JsonWebToken)result.SecurityToken).Subject);
        Assert.Equal("nonce-1", ((JsonWebToken)result.SecurityToken).GetClaim("nonce").Value);
    }

    [Fact]
    public async Task RefreshesThePersonsTokenWithTheRefreshToken()
    {
        var username = await fixture.NewPersonAsync("finance");
        var browser = new BrowserSession(fixture.Gateway);
        using var first = await browser.RedeemAsync(await browser.SignInAndGetCodeAsync(username, PeopleGateway.Password));
        var refreshToken = (await BrowserSession.JsonAsync(first)).GetProperty("refresh_token").GetString()!;

        using var refreshed = await browser.RefreshAsync(refreshToken);

        var token = await ValidAsServicesValidateAsync((await BrowserSession.JsonAsync(refreshed)).GetProperty("access_token").GetString()!);
        Assert.Equal(username, token.Subject);
        Assert.Equal("finance", token.GetClaim("role").Value);
    }

    [Fact]
    public async Task RefusesACodeRedeemedWithAnotherVerifier()
    {
        var username = await fixture.NewPersonAsync();
        var browser = new BrowserSession(fixture.Gateway);
        var code = await browser.SignInAndGetCodeAsync(username, PeopleGateway.Password);

        using var response = await browser.RedeemAsync(code, verifier: new BrowserSession(fixture.Gateway).Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", await TokenRequests.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task RefusesACodeExchangedASecondTime()
    {
        var username = await fixture.NewPersonAsync();
        var browser = new BrowserSession(fixture.Gateway);
        var code = await browser.SignInAndGetCodeAsync(username, PeopleGateway.Password);

        using var first = await browser.RedeemAsync(code);
        using var second = await browser.RedeemAsync(code);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("invalid_grant", await TokenRequests.ErrorCodeAsync(second));
    }

    [Fact]
    public async Task GivesTheUserInfoOfThePersonTheTokenNames()
    {
        var username = await fixture.NewPersonAsync("evaluator", evaluatorId: "tsinghua-cpp");
        var browser = new BrowserSession(fixture.Gateway);
        using var response = await browser.RedeemAsync(await browser.SignInAndGetCodeAsync(username, PeopleGateway.Password));
        var accessToken = (await BrowserSession.JsonAsync(response)).GetProperty("access_token").GetString()!;

        using var info = await browser.Http.SendAsync(Bearer.Request(HttpMethod.Get, "/connect/userinfo", accessToken));

        var claims = await BrowserSession.JsonAsync(info);
        Assert.Equal(username, claims.GetProperty("sub").GetString());
        Assert.Equal("evaluator", claims.GetProperty("role").GetString());
        Assert.Equal("tsinghua-cpp", claims.GetProperty("evaluator_id").GetString());
    }

    [Fact]
    public async Task SignsTheSecondAuthorizationInWithoutTheFormUntilTheSessionEnds()
    {
        var username = await fixture.NewPersonAsync();
        var browser = new BrowserSession(fixture.Gateway);
        _ = await browser.SignInAndGetCodeAsync(username, PeopleGateway.Password);

        var again = await browser.CodeAfterAsync(browser.AuthorizePath());
        using var signOut = await browser.Http.GetAsync(
            "/connect/endsession?post_logout_redirect_uri=" + Uri.EscapeDataString(GatewayFactory.Issuer + "/console/signout-callback-oidc"));
        using var afterSignOut = await browser.Http.GetAsync(browser.AuthorizePath());

        Assert.False(string.IsNullOrEmpty(again));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(GatewayFactory.Issuer + "/console/signout-callback-oidc", signOut.Headers.Location!.OriginalString.Split('?')[0]);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("platform.identity=;", StringComparison.Ordinal));
        Assert.StartsWith("/account/login", afterSignOut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>As a service validates (ServiceDefaults' AddPlatformAuthentication): the public key, pinned issuer, audience and algorithm.</summary>
    private static async Task<JsonWebToken> ValidAsServicesValidateAsync(string token)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
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
