using Platform.Messaging.Inbox.Parking;
using Xunit;

namespace Platform.Messaging.Tests;

/// <summary>The delays between redeliveries of a parked message, and when they run out.</summary>
public sealed class ParkingScheduleTests
{
    [Fact]
    public void DelaysGrowInTheConfiguredOrderAndRunOutAfterTheLast()
    {
        var schedule = ParkingSchedule.Parse("00:01:00, 00:05:00,01:00:00");

        Assert.Equal(3, schedule.Attempts);
        Assert.Equal(TimeSpan.FromMinutes(1), schedule.DelayAfter(1));
        Assert.Equal(TimeSpan.FromMinutes(5), schedule.DelayAfter(2));
        Assert.Equal(TimeSpan.FromHours(1), schedule.DelayAfter(3));
        Assert.Null(schedule.DelayAfter(4));
        Assert.Null(schedule.DelayAfter(0));
    }

    [Fact]
    public void DefaultScheduleSpansMinutesToHours()
    {
        var schedule = ParkingSchedule.Parse(new MessagingOptions().ParkingDelays);

        Assert.Equal(TimeSpan.FromMinutes(1), schedule.DelayAfter(1));
        Assert.Equal(TimeSpan.FromHours(24), schedule.DelayAfter(schedule.Attempts));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00:00:00")]
    [InlineData("00:01:00,-00:00:01")]
    public void ScheduleWithoutPositiveDelaysIsRefused(string delays) =>
        Assert.Throws<ArgumentException>(() => ParkingSchedule.Parse(delays));
}
