using TrustScore.Api.Domain.Commitments;

namespace TrustScore.Tests.Domain.Commitments;

/// <summary>Severe defaults and their repair (domain.md §4.3: a documented remedy restores eligibility after a waiting period).</summary>
public sealed partial class CommitmentTests
{
    private static readonly TimeSpan Waiting = TimeSpan.FromDays(90);

    [Fact]
    public void AnUnpaidSettlementPastTheGracePeriodIsASevereDefault()
    {
        var c = Settlement();
        var defaultedAt = c.DueAt + Grace + TimeSpan.FromMinutes(1);
        c.DefaultIfOverdue(defaultedAt, Grace);

        Assert.False(c.SevereDefaultAt(defaultedAt.AddTicks(-1), Waiting));
        Assert.True(c.SevereDefaultAt(defaultedAt, Waiting));
        Assert.True(c.SevereDefaultAt(defaultedAt.AddYears(3), Waiting));
    }

    [Fact]
    public void ARemedyLiftsTheSevereDefaultOnlyAfterTheWaitingPeriod()
    {
        var c = Settlement();
        var defaultedAt = c.DueAt + Grace + TimeSpan.FromMinutes(1);
        c.DefaultIfOverdue(defaultedAt, Grace);
        var remediedAt = defaultedAt.AddDays(10);

        c.RecordRemedy(remediedAt, "paid with interest, apology published");

        Assert.True(c.SevereDefaultAt(remediedAt + Waiting - TimeSpan.FromSeconds(1), Waiting));
        Assert.False(c.SevereDefaultAt(remediedAt + Waiting, Waiting));
    }

    [Fact]
    public void ADefaultedPledgeIsNotSevere()
    {
        var c = Pledge();
        c.DefaultIfOverdue(c.DueAt.AddYears(1), Grace);

        Assert.Equal(CommitmentStatus.Defaulted, c.Status);
        Assert.False(c.SevereDefaultAt(c.DueAt.AddYears(2), Waiting));
    }

    [Fact]
    public void AWithdrawnSevereDefaultNoLongerCounts()
    {
        var c = Settlement();
        var defaultedAt = c.DueAt + Grace + TimeSpan.FromMinutes(1);
        c.DefaultIfOverdue(defaultedAt, Grace);

        c.Withdraw(defaultedAt.AddDays(2), "appeal upheld: the bank lost the transfer");

        Assert.True(c.SevereDefaultAt(defaultedAt.AddDays(1), Waiting));
        Assert.False(c.SevereDefaultAt(defaultedAt.AddDays(2), Waiting));
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(-3, 1.0)]
    [InlineData(30, 0.5)]
    [InlineData(90, 0.125)]
    public void LateCreditHalvesEveryMonthOfDelay(int daysLate, double credit)
    {
        Assert.Equal(credit, Timeliness.CreditForDaysLate(daysLate), 1e-12);
    }

    [Fact]
    public void LateCreditNeverReachesZeroAndRefusesANonPositiveHalfLife()
    {
        Assert.True(Timeliness.CreditForDaysLate(3650) > 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => Timeliness.Credit(TimeSpan.FromDays(1), TimeSpan.Zero));
    }
}
