namespace CompensationFund.Api.Domain.Periods;

/// <summary>
/// The ledger's calendar: which day an instant falls on in the ledger's time zone (Asia/Shanghai by default,
/// <c>Fund:TimeZone</c>). Value dates, "today", period boundaries and penalty days are days of this calendar: a transfer
/// the bank books at 07:30 Beijing time on 1 April belongs to April, though it is still 31 March in UTC.
/// </summary>
public sealed class LedgerCalendar(TimeZoneInfo zone)
{
    public const string DefaultZone = "Asia/Shanghai";

    public TimeZoneInfo Zone { get; } = zone;

    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The first instant of <paramref name="day"/> in the ledger's zone (the instant after the previous day's last).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public static LedgerCalendar Named(string? id) => new(TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DefaultZone : id));
}
