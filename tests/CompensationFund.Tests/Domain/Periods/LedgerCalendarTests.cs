using CompensationFund.Api.Domain.Periods;

namespace CompensationFund.Tests.Domain.Periods;

/// <summary>Days of the ledger's calendar follow its time zone (Asia/Shanghai by default), not UTC.</summary>
public sealed class LedgerCalendarTests
{
    private static readonly LedgerCalendar Beijing = LedgerCalendar.Named(null);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void WithoutAConfiguredZoneTheLedgerKeepsBeijingTime(string? configured) =>
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), LedgerCalendar.Named(configured).Zone);

    [Fact]
    public void AConfiguredZoneIsUsed() =>
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), LedgerCalendar.Named("Europe/Berlin").Zone);

    [Fact]
    public void ATransferBookedEarlyOnTheFirstOfAprilInBeijingBelongsToApril()
    {
        Assert.Equal(new DateOnly(2026, 4, 1), Beijing.DateOf(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 3, 31), Beijing.DateOf(new DateTimeOffset(2026, 3, 31, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 4, 1), Beijing.DateOf(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void ADayStartsAtMidnightInTheLedgersZone()
    {
        var start = Beijing.StartOf(new DateOnly(2026, 4, 1));

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(TimeSpan.FromHours(8), start.Offset);
        Assert.Equal(new DateOnly(2026, 4, 1), Beijing.DateOf(start));
        Assert.Equal(new DateOnly(2026, 3, 31), Beijing.DateOf(start.AddTicks(-1)));
    }

    [Fact]
    public void WhereMidnightIsSkippedByDaylightSavingTheDayStartsAtItsFirstRealInstant()
    {
        // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September: 6 September 2026 has no midnight.
        var santiago = LedgerCalendar.Named("America/Santiago");

        var start = santiago.StartOf(new DateOnly(2026, 9, 6));

        Assert.Equal(new DateTimeOffset(2026, 9, 6, 1, 0, 0, TimeSpan.FromHours(-3)), start);
        Assert.Equal(TimeSpan.FromHours(-3), start.Offset);
        Assert.Equal(new DateOnly(2026, 9, 6), santiago.DateOf(start));
        Assert.Equal(new DateOnly(2026, 9, 5), santiago.DateOf(start.AddTicks(-1)));
    }
}
