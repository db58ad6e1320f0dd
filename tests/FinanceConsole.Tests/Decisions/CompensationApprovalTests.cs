using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FinanceConsole.Tests.Support;
using Microsoft.Playwright;
using Platform.Testing;
using Xunit;

namespace FinanceConsole.Tests.Decisions;

/// <summary>
/// Compensation needs two distinct people of the coordinating body (docs/compensation-fund.md §15): two coordinators approve
/// in two browser sessions, the second sees who approved first, and finance disburses; each step confirms the amount first.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CompensationApprovalTests(ConsolePlatform platform)
{
    [Fact]
    public async Task TwoCoordinatorsApproveInTwoSessionsAndFinanceDisburses()
    {
        var (proposal, amount) = await ProposalAsync(platform);

        var li = await platform.SignInAsync("coordinator.li", $"compensation/{proposal}");
        await li.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Approve ") }).ClickAsync();
        await Assertions.Expect(li.GetByTestId("confirm-amount")).ToHaveTextAsync(Yuan(amount));
        await li.ScreenshotAsync(platform, "compensation-confirm");
        await li.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(li.GetByRole(AriaRole.Status)).ToContainTextAsync("Approve");
        await Assertions.Expect(li.GetByTestId("approvals").Locator("li")).ToHaveCountAsync(1);
        // The quorum counts people: whoever approved is not offered the choice again.
        await Assertions.Expect(li.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Approve ") })).ToHaveCountAsync(0);

        var wang = await platform.SignInAsync("coordinator.wang", $"compensation/{proposal}");
        var first = wang.GetByTestId("approvals").Locator("li");
        await Assertions.Expect(first).ToHaveCountAsync(1);
        await Assertions.Expect(first).ToContainTextAsync("Approved by");
        await Assertions.Expect(first).ToContainTextAsync("(coordinator)");
        await wang.ScreenshotAsync(platform, "compensation-second-approver");
        await wang.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Approve ") }).ClickAsync();
        await Assertions.Expect(wang.GetByTestId("confirm-amount")).ToHaveTextAsync(Yuan(amount));
        await wang.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        var approvals = wang.GetByTestId("approvals").Locator("li");
        await Assertions.Expect(approvals).ToHaveCountAsync(2);
        Assert.NotEqual(await approvals.Nth(0).InnerTextAsync(), await approvals.Nth(1).InnerTextAsync());

        var finance = await platform.SignInAsync("finance.chen", $"compensation/{proposal}");
        await finance.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Disburse ") }).ClickAsync();
        var disbursed = await finance.GetByTestId("confirm-amount").InnerTextAsync();
        Assert.StartsWith("¥", disbursed, StringComparison.Ordinal);
        await finance.ScreenshotAsync(platform, "compensation-disburse-confirm");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Status)).ToContainTextAsync("Disburse");
        await Assertions.Expect(finance.GetByTestId("paid")).ToHaveTextAsync(disbursed);
        await finance.ScreenshotAsync(platform, "compensation-detail");
        await finance.AssertAccessibleAsync();

        foreach (var session in new[] { li, wang, finance })
        {
            await session.Context.CloseAsync();
        }
    }

    /// <summary>A proposal with money behind it: the pool is funded by a paid contribution before the allocation is finalized.</summary>
    public static async Task<(Guid Proposal, decimal Amount)> ProposalAsync(ConsolePlatform platform)
    {
        var scenario = new FundScenario(platform);
        await scenario.JoinAsync("hangzhou");
        await scenario.CallAsync("hangzhou", 1_000_000.00m);
        await scenario.PayAsync("hangzhou", 1_000_000.00m, FundScenario.Unique("POOL"));
        var allocation = await scenario.FinalizedAllocationAsync();
        using var coordinator = await platform.ClientAsync("coordinator");
        var proposals = await Eventually.Until(
            async () => (await coordinator.GetFromJsonAsync<JsonElement>($"/api/fund/compensation?allocationId={allocation}")).GetProperty("items").EnumerateArray().ToList(),
            items => items.Any(p => p.GetProperty("proposed").GetDecimal() > 0),
            TimeSpan.FromSeconds(30), "the fund to propose compensation");
        var proposal = proposals.First(p => p.GetProperty("proposed").GetDecimal() > 0);
        return (proposal.GetProperty("id").GetGuid(), proposal.GetProperty("proposed").GetDecimal());
    }

    private static string Yuan(decimal amount) => "¥" + amount.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
