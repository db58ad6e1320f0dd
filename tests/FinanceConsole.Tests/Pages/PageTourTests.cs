using System.Net.Http.Json;
using System.Text.Json;
using FinanceConsole.Tests.Decisions;
using FinanceConsole.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace FinanceConsole.Tests.Pages;

/// <summary>
/// Every page of the console, opened by the people who use it: it answers, says what it is (its heading), passes axe-core
/// without a serious or critical violation, and is photographed for the test artefacts.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PageTourTests(ConsolePlatform platform)
{
    [Fact]
    public async Task EveryFinancePageOpensAndPassesTheAccessibilityCheck()
    {
        var (proposal, _) = await CompensationApprovalTests.ProposalAsync(platform);
        using var coordinator = await platform.ClientAsync("coordinator");
        // The fund keys an allocation's settlement by the cost-sharing allocation's id.
        var allocation = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/fund/compensation/{proposal}")).GetProperty("allocationId").GetGuid();
        var finance = await platform.SignInAsync("finance.chen");

        (string Path, string Heading, string Shot)[] pages =
        [
            ("", "Overview", "overview"),
            ("settlements", "Settlements per allocation", "settlements"),
            ($"settlements/{allocation}", "Settlement", "settlement-detail"),
            ("bank", "Bank statements", "bank"),
            ("compensation", "Compensation", "compensation"),
            ($"compensation/{proposal}", "Compensation proposal", "compensation-proposal"),
            ("statements?city=jiaxing", "City statements", "statements"),
            ("reconciliation/trial-balance", "Trial balance", "trial-balance"),
            ("reconciliation/periods", "Period close", "periods"),
        ];
        foreach (var (path, heading, shot) in pages)
        {
            var response = await finance.OpenAsync(platform, path);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(finance.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
            await finance.ScreenshotAsync(platform, shot);
            await finance.AssertAccessibleAsync();
        }

        await finance.OpenAsync(platform, "reconciliation?run=true");
        await Assertions.Expect(finance.GetByTestId("reconciliation-result")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await finance.ScreenshotAsync(platform, "reconciliation");
        await finance.AssertAccessibleAsync();

        await finance.OpenAsync(platform, "statements?city=jiaxing");
        var download = await finance.RunAndWaitForDownloadAsync(() => finance.GetByTestId("csv-download").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("jiaxing", csv, StringComparison.Ordinal);
        await finance.Context.CloseAsync();

        var coordinatorPage = await platform.SignInAsync("coordinator.li", "incidents");
        await Assertions.Expect(coordinatorPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Incidents");
        await coordinatorPage.ScreenshotAsync(platform, "incidents");
        await coordinatorPage.AssertAccessibleAsync();
        await coordinatorPage.OpenAsync(platform, $"allocations/{allocation}");
        await Assertions.Expect(coordinatorPage.Locator("figure svg")).ToBeVisibleAsync();
        await coordinatorPage.ScreenshotAsync(platform, "allocation-explanation");
        await coordinatorPage.AssertAccessibleAsync();
        await coordinatorPage.Context.CloseAsync();
    }

    [Fact]
    public async Task TheOverviewSpeaksChineseByDefaultAndEnglishOnRequest()
    {
        var page = await platform.SignInAsync("finance.chen", locale: "zh-CN");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("总览");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await page.ScreenshotAsync(platform, "overview-zh");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Overview");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheKeyboardReachesTheMainContentFirst()
    {
        var page = await platform.SignInAsync("finance.chen");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to main content");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)");
        Assert.True(focused, "After the skip link, the next Tab stays in the main content.");
        await page.Context.CloseAsync();
    }
}
