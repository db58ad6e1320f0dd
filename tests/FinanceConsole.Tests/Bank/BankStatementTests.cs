using System.Text;
using System.Text.RegularExpressions;
using FinanceConsole.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace FinanceConsole.Tests.Bank;

/// <summary>
/// Finance reconciles a bank statement in the browser: one upload holds a line the fund already recorded (matched), a
/// transfer naming no member (unmatched) and a member paying another member's obligation (conflicting); each shows as
/// such, and the unmatched one is matched by hand after a confirmation that names its amount.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class BankStatementTests(ConsolePlatform platform)
{
    private const string Header = "date,amount,payer,reference,bank_reference\n";

    [Fact]
    public async Task FinanceSeesMatchedUnmatchedAndConflictingLinesAndMatchesTheUnmatchedOneByHand()
    {
        var scenario = new FundScenario(platform);
        await scenario.JoinAsync("hangzhou", "huzhou");
        var hangzhouCode = await scenario.CallAsync("hangzhou", 100.00m);
        var huzhouCode = await scenario.CallAsync("huzhou", 100.00m);
        var (matched, unmatched, conflicting) = (FundScenario.Unique("M"), FundScenario.Unique("U"), FundScenario.Unique("C"));
        await scenario.PayAsync("hangzhou", 30.00m, matched);
        var day = FundScenario.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = Header
            + $"{day},30.00,hangzhou,{hangzhouCode},{matched}\n"
            + $"{day},40.00,Some Treasury,transfer,{unmatched}\n"
            + $"{day},100.00,hangzhou,{huzhouCode},{conflicting}\n";

        var page = await platform.SignInAsync("finance.chen", "bank");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "statement.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/console/bank/imports/"));

        await Assertions.Expect(Row(page, matched).Locator(".badge-matched")).ToHaveCountAsync(1);
        await Assertions.Expect(Row(page, unmatched).Locator(".badge-unmatched")).ToHaveCountAsync(1);
        await Assertions.Expect(Row(page, conflicting).Locator(".badge-conflicting")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(platform, "bank-import");
        await page.AssertAccessibleAsync();

        await page.OpenAsync(platform, "bank?status=conflicting");
        await Assertions.Expect(Row(page, conflicting)).ToHaveCountAsync(1);
        await page.OpenAsync(platform, "bank?status=unmatched");
        await Assertions.Expect(Row(page, unmatched)).ToHaveCountAsync(1);
        await page.ScreenshotAsync(platform, "bank-statements");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = $"Match by hand: transaction {unmatched}" }).ClickAsync();
        await page.GetByLabel("Obligation code (e.g. CC-…)").FillAsync(hangzhouCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-amount")).ToHaveTextAsync("¥40.00");
        await page.ScreenshotAsync(platform, "bank-match-confirm");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Transaction {unmatched} matched");

        await page.OpenAsync(platform, "bank?status=unmatched");
        await Assertions.Expect(Row(page, unmatched)).ToHaveCountAsync(0);
        await page.OpenAsync(platform, "bank?status=matched");
        await Assertions.Expect(Row(page, unmatched).Locator(".badge-matched")).ToHaveCountAsync(1);
        await Assertions.Expect(Row(page, unmatched)).ToContainTextAsync("hangzhou");
        await page.Context.CloseAsync();
    }

    private static ILocator Row(IPage page, string bankReference) => page.Locator($"tr[data-reference='{bankReference}']");
}
