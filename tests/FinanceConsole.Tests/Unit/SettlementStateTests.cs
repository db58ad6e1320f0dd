using FinanceConsole.Web.Components.Pages;
using FinanceConsole.Web.Gateway;
using Xunit;

namespace FinanceConsole.Tests.Unit;

public sealed class SettlementStateTests
{
    private static Position Due(decimal outstanding, int days) =>
        new("jiaxing", "pay-in", 100m, 100m - outstanding, outstanding, SettlementState.Today.AddDays(days), null);

    [Fact]
    public void NothingOutstandingIsPaidWhateverTheDate() => Assert.Equal("paid", SettlementState.Of(Due(0m, -30)));

    [Fact]
    public void OutstandingAfterTheDueDateIsOverdue() => Assert.Equal("overdue", SettlementState.Of(Due(0.01m, -1)));

    [Fact]
    public void OutstandingOnOrBeforeTheDueDateIsDue()
    {
        Assert.Equal("due", SettlementState.Of(Due(50m, 0)));
        Assert.Equal("due", SettlementState.Of(Due(50m, 3)));
    }
}
