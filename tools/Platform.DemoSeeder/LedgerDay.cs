namespace Platform.DemoSeeder;

/// <summary>
/// The fund's "today": its ledger counts days in Asia/Shanghai (docs/compensation-fund.md §16, <c>Fund:TimeZone</c>), so
/// value dates sent as "days ago" are counted from that day, never from a UTC date that may be a day behind.
/// </summary>
internal static class LedgerDay
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Shanghai).DateTime);

    public static DateOnly DaysAgo(TimeProvider clock, int days) => Today(clock).AddDays(-days);
}
