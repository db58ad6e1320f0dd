using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace FinanceConsole.Tests.Support;

/// <summary>A person in a browser: signs in at the gateway's sign-in page, opens console pages, checks and photographs them.</summary>
public static class ConsoleSession
{
    /// <summary>Opens the console, is sent to the gateway's sign-in page, signs in and comes back to <paramref name="path"/>.</summary>
    public static async Task<IPage> SignInAsync(this ConsolePlatform platform, string username, string path = "", string locale = "en-US")
    {
        var page = await platform.NewSessionAsync(locale);
        await page.GotoAsync(platform.ConsoleUrl(path));
        await page.GetByLabel("Username").Or(page.GetByLabel("用户名")).First.FillAsync(username);
        await page.GetByLabel("Password").Or(page.GetByLabel("密码")).First.FillAsync(ConsolePlatform.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Sign in|登录)$") }).ClickAsync();
        // Back on the page asked for, not merely somewhere under /console/ (the error page is there too).
        var requested = new Uri(platform.ConsoleUrl(path)).AbsolutePath;
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath is var at && (at == requested || at == "/console/forbidden"), new() { Timeout = ConsolePlatform.NavigationTimeoutMs });
        await Assertions.Expect(page.GetByTestId("who").Or(page.GetByTestId("forbidden")).First).ToBeVisibleAsync();
        return page;
    }

    public static Task<IResponse?> OpenAsync(this IPage page, ConsolePlatform platform, string path) =>
        page.GotoAsync(platform.ConsoleUrl(path));

    /// <summary>Saves a full-page screenshot under the test output's <c>artifacts/console-screenshots/</c>.</summary>
    public static async Task ScreenshotAsync(this IPage page, ConsolePlatform platform, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(platform.ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Runs axe-core on the page: no violation of serious or critical impact may remain (WCAG 2.1 A and AA rules).</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }
}
