using FinanceConsole.Web.Gateway;

namespace FinanceConsole.Web.Components.Pages;

/// <summary>A city's position in an allocation's settlement as finance reads it: paid when nothing is outstanding, overdue after its due date (ledger calendar, Asia/Shanghai), else due.</summary>
public static class SettlementState
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static string Of(Position position) =>
        position.Outstanding == 0 ? "paid" : position.DueDate < Today ? "overdue" : "due";
}
