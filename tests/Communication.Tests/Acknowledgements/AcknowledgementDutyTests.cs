using Communication.Api.Domain.Acknowledgements;

namespace Communication.Tests.Acknowledgements;

/// <summary>A reached city's duty to acknowledge: settled once, on time up to the deadline, late after it, missed if never.</summary>
public sealed class AcknowledgementDutyTests
{
    private static readonly DateTimeOffset Due = new(2026, 7, 1, 8, 15, 0, TimeSpan.Zero);

    private static AcknowledgementDuty Duty() => AcknowledgementDuty.Open(Guid.NewGuid(), "hangzhou", "red", Due);

    [Fact]
    public void IsOnTimeUpToAndIncludingTheDeadline()
    {
        var duty = Duty();

        Assert.True(duty.Acknowledge(Due));
        Assert.Equal(AcknowledgementDuty.OnTime, duty.Outcome);
        Assert.Equal(Due, duty.AcknowledgedAt);
    }

    [Fact]
    public void IsLateAfterTheDeadline()
    {
        var duty = Duty();

        duty.Acknowledge(Due.AddSeconds(1));

        Assert.Equal(AcknowledgementDuty.Late, duty.Outcome);
    }

    [Fact]
    public void ASecondAcknowledgementChangesNothing()
    {
        var duty = Duty();
        duty.Acknowledge(Due.AddMinutes(-1));

        Assert.False(duty.Acknowledge(Due.AddMinutes(5)));
        Assert.Equal((AcknowledgementDuty.OnTime, (DateTimeOffset?)Due.AddMinutes(-1)), (duty.Outcome, duty.AcknowledgedAt));
    }

    [Fact]
    public void IsMissedOnlyOnceTheDeadlineHasPassed()
    {
        var duty = Duty();

        Assert.False(duty.MissIfOverdue(Due));
        Assert.True(duty.IsOpen);
        Assert.True(duty.MissIfOverdue(Due.AddTicks(1)));
        Assert.Equal(AcknowledgementDuty.Missed, duty.Outcome);
        Assert.Null(duty.AcknowledgedAt);
    }

    [Fact]
    public void AMissedDutyStaysMissed()
    {
        var duty = Duty();
        duty.MissIfOverdue(Due.AddMinutes(1));

        Assert.False(duty.Acknowledge(Due.AddMinutes(2)));
        Assert.False(duty.MissIfOverdue(Due.AddMinutes(3)));
        Assert.Equal(AcknowledgementDuty.Missed, duty.Outcome);
    }

    [Fact]
    public void AnAcknowledgedDutyIsNeverMissed()
    {
        var duty = Duty();
        duty.Acknowledge(Due);

        Assert.False(duty.MissIfOverdue(Due.AddHours(1)));
        Assert.Equal(AcknowledgementDuty.OnTime, duty.Outcome);
    }

    [Fact]
    public void AWithdrawnDutyIsNeitherAcknowledgedNorMissed()
    {
        var duty = Duty();

        Assert.True(duty.Withdraw());
        Assert.False(duty.Withdraw());
        Assert.False(duty.Acknowledge(Due));
        Assert.False(duty.MissIfOverdue(Due.AddHours(1)));
        Assert.Equal(AcknowledgementDuty.Withdrawn, duty.Outcome);
    }

    [Fact]
    public void IsKeyedByWarningAndCity()
    {
        var warningId = Guid.Parse("01900000-0000-7000-8000-000000000001");

        Assert.Equal("01900000000070008000000000000001/hangzhou", AcknowledgementDuty.Key(warningId, "hangzhou"));
    }
}
