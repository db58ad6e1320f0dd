using System.Net;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Identity;

/// <summary>The sign-in page: its form, its languages, and lockout after five wrong passwords (fifteen minutes).</summary>
public sealed class SignInPageTests(PeopleGateway fixture) : IClassFixture<PeopleGateway>
{
    private const string RefusalEn = "After 5 failed attempts an account is locked for 15 minutes.";

    [Fact]
    public async Task LocksThePersonOutAfterFiveWrongPasswords()
    {
        var username = await fixture.NewPersonAsync();
        var browser = new BrowserSession(fixture.Gateway);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await browser.PostLoginAsync("/account/login", username, "wrong-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await browser.PostLoginAsync("/account/login", username, PeopleGateway.Password);
        using var otherPerson = await new BrowserSession(fixture.Gateway)
            .PostLoginAsync("/account/login", await fixture.NewPersonAsync(), PeopleGateway.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(RefusalEn, await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, otherPerson.StatusCode);
    }

    [Fact]
    public async Task KeepsCountingBelowFiveWithoutLockingOut()
    {
        var username = await fixture.NewPersonAsync();
        var browser = new BrowserSession(fixture.Gateway);
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await browser.PostLoginAsync("/account/login", username, "wrong-password");
        }

        using var right = await browser.PostLoginAsync("/account/login", username, PeopleGateway.Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task AnswersAnUnknownUsernameAsAWrongPassword()
    {
        var username = await fixture.NewPersonAsync();
        var browser = new BrowserSession(fixture.Gateway);

        using var unknown = await browser.PostLoginAsync("/account/login", "nobody." + Guid.NewGuid().ToString("N")[..8], "whatever");
        using var wrong = await browser.PostLoginAsync("/account/login", username, "wrong-password");

        Assert.Equal(Refusal(await unknown.Content.ReadAsStringAsync()), Refusal(await wrong.Content.ReadAsStringAsync()));
        Assert.Contains(RefusalEn, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAPostWithoutTheAntiforgeryToken()
    {
        var username = await fixture.NewPersonAsync();
        var http = new BrowserSession(fixture.Gateway).Http;

        using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Username"] = username, ["Password"] = PeopleGateway.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("en", "<label for=\"Username\">Username</label>", "<label for=\"Password\">Password</label>", ">Sign in</button>")]
    [InlineData("zh", "<label for=\"Username\">用户名</label>", "<label for=\"Password\">密码</label>", ">登录</button>")]
    public async Task LabelsTheFieldsInTheAskedLanguage(string lang, string username, string password, string button)
    {
        var page = await new BrowserSession(fixture.Gateway).Http.GetStringAsync("/account/login?lang=" + lang);

        Assert.Contains($"<html lang=\"{lang}\">", page, StringComparison.Ordinal);
        Assert.Contains(username, page, StringComparison.Ordinal);
        Assert.Contains(password, page, StringComparison.Ordinal);
        Assert.Contains(button, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpeaksChineseToABrowserThatPrefersIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");

        using var response = await new BrowserSession(fixture.Gateway).Http.SendAsync(request);

        Assert.Contains("<html lang=\"zh\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeverRedirectsOffTheSiteAfterSigningIn()
    {
        var username = await fixture.NewPersonAsync();
        var browser = new BrowserSession(fixture.Gateway);

        using var signedIn = await browser.PostLoginAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString("//evil.example/"), username, PeopleGateway.Password);

        Assert.Equal("/console/", signedIn.Headers.Location!.OriginalString);
    }

    private static string Refusal(string page) =>
        page[page.IndexOf("role=\"alert\"", StringComparison.Ordinal)..page.IndexOf("</p>", page.IndexOf("role=\"alert\"", StringComparison.Ordinal), StringComparison.Ordinal)];
}
