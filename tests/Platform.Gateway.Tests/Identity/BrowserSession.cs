using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Identity;

/// <summary>
/// A browser as far as the protocol goes: real HTTP to the gateway on Kestrel, a cookie jar, redirects followed by
/// hand so each step can be checked, and the console's side of the authorization code flow with PKCE (RFC 7636).
/// </summary>
public sealed partial class BrowserSession(GatewayFactory gateway)
{
    public const string ClientId = "finance-console";
    public const string RedirectUri = GatewayFactory.Issuer + "/console/signin-oidc";

    public HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
    {
        BaseAddress = gateway.ClientOptions.BaseAddress,
    };

    public string Verifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string Challenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    public string AuthorizePath(string? challenge = null, string clientId = ClientId, string redirectUri = RedirectUri) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid profile roles offline_access",
            ["state"] = "state-1",
            ["nonce"] = "nonce-1",
            ["code_challenge"] = challenge ?? Challenge,
            ["code_challenge_method"] = "S256",
        });

    /// <summary>Starts at the authorize endpoint, signs in on the form it is sent to, and returns the code the console receives.</summary>
    public async Task<string> SignInAndGetCodeAsync(string username, string password)
    {
        using var start = await Http.GetAsync(AuthorizePath());
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("/account/login", start.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var signedIn = await PostLoginAsync(start.Headers.Location!.PathAndQuery, username, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return await CodeAfterAsync(signedIn.Headers.Location!.OriginalString);
    }

    /// <summary>Follows the redirect back to the authorize endpoint and reads the code off the redirect to the console.</summary>
    public async Task<string> CodeAfterAsync(string authorizeUrl)
    {
        using var back = await Http.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var location = back.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.OriginalString, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("state-1", query["state"].ToString());
        return query["code"].ToString();
    }

    /// <summary>Fetches the sign-in page at <paramref name="loginPath"/> and posts the form as a person would.</summary>
    public async Task<HttpResponseMessage> PostLoginAsync(string loginPath, string username, string password)
    {
        var page = await Http.GetStringAsync(loginPath);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HiddenField().Match(page).Groups[1].Value,
            ["ReturnUrl"] = WebUtility.HtmlDecode(ReturnUrlField().Match(page).Groups[1].Value),
            ["Username"] = username,
            ["Password"] = password,
        };
        return await Http.PostAsync("/account/login", new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> RedeemAsync(string code, string? verifier = null) =>
        TokenAsync(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", RedirectUri), ("code_verifier", verifier ?? Verifier));

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        TokenAsync(("grant_type", "refresh_token"), ("refresh_token", refreshToken));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    private Task<HttpResponseMessage> TokenAsync(params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{GatewayFactory.ConsoleSecret}")));
        return Http.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("name=\"ReturnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
