using System.Globalization;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Api.Domain.Periods;

/// <summary>An accounting period of the fund: a calendar month, written <c>2026-03</c>.</summary>
public readonly record struct AccountingPeriod(int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public AccountingPeriod Next => Of(FirstDay.AddMonths(1));

    public static AccountingPeriod Of(DateOnly date) => new(date.Year, date.Month);

    public static bool TryParse(string? text, out AccountingPeriod period)
    {
        period = default;
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return false;
        }

        period = Of(first);
        return true;
    }

    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>
/// When a period may close: after its last day, and right after the last closed one, so the books close in
/// order and no month is skipped. The first close may be any ended month (earlier months close with it).
/// </summary>
public static class PeriodClosing
{
    public static void EnsureMayClose(AccountingPeriod period, DateOnly? closedThrough, DateOnly today)
    {
        if (period.LastDay >= today)
        {
            throw new FundRuleException("Period not over", $"Period {period} ends on {period.LastDay:yyyy-MM-dd}; it can close from the day after.");
        }

        if (closedThrough is { } through && period.FirstDay <= through)
        {
            throw new FundRuleException("Period already closed", $"The books are closed through {through:yyyy-MM-dd}, which includes {period}.", conflict: true);
        }

        if (closedThrough is { } last && period != AccountingPeriod.Of(last).Next)
        {
            throw new FundRuleException("Periods close in order", $"The books are closed through {last:yyyy-MM-dd}; close {AccountingPeriod.Of(last).Next} before {period}.");
        }
    }

    /// <summary>Refuses a value date inside a closed period, with the reason a finance officer can act on.</summary>
    public static void EnsureOpen(DateOnly valueDate, DateOnly? closedThrough)
    {
        if (closedThrough is { } through && valueDate <= through)
        {
            throw ClosedPeriod(valueDate, through);
        }
    }

    public static FundRuleException ClosedPeriod(DateOnly valueDate, DateOnly closedThrough) => new(
        "Period closed",
        $"Value date {valueDate:yyyy-MM-dd} falls in period {AccountingPeriod.Of(valueDate)}, and the books are closed through " +
        $"{closedThrough:yyyy-MM-dd}. Date the posting (or a correcting entry) on or after {closedThrough.AddDays(1):yyyy-MM-dd}.");
}
