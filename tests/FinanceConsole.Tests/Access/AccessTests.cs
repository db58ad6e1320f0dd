using System.Text.RegularExpressions;
using FinanceConsole.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace FinanceConsole.Tests.Access;

/// <summary>Who may open what: a city officer no finance page, an auditor every page but no action; signing out ends the session.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessTests(ConsolePlatform platform)
{
    private static readonly string[] FinancePages =
        ["", "settlements", "bank", "compensation", "statements", "reconciliation", "reconciliation/trial-balance", "reconciliation/periods", "incidents"];

    [Fact]
    public async Task ACityOfficerCannotOpenTheFinancePages()
    {
        var page = await platform.SignInAsync("officer.hangzhou");
        await Assertions.Expect(page.GetByTestId("forbidden")).ToBeVisibleAsync();
        await page.ScreenshotAsync(platform, "forbidden");
        await page.AssertAccessibleAsync();

        foreach (var path in FinancePages)
        {
            var response = await page.OpenAsync(platform, path);
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.GetByTestId("forbidden")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnAuditorReadsEverythingButIsOfferedNoAction()
    {
        var page = await platform.SignInAsync("auditor.zhao", "bank");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bank statements", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("CSV file")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Match by hand") })).ToHaveCountAsync(0);

        await page.OpenAsync(platform, "reconciliation/periods");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Close the period" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SigningOutEndsTheSessionAtTheConsoleAndTheIssuer()
    {
        var page = await platform.SignInAsync("finance.chen");
        await Assertions.Expect(page.GetByTestId("who")).ToContainTextAsync("finance");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-out")).ToBeVisibleAsync();
        await page.ScreenshotAsync(platform, "signed-out");

        await page.OpenAsync(platform, "");
        await Assertions.Expect(page.GetByLabel("Password").Or(page.GetByLabel("密码")).First).ToBeVisibleAsync();
        Assert.DoesNotContain("/console/", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
