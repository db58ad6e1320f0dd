using TrustScore.Api.Domain.Commitments;

namespace TrustScore.Tests.Domain.Commitments;

/// <summary>Payments as the fund verifies them: partial and late payments count partly.</summary>
public sealed partial class CommitmentTests
{
    [Fact]
    public void PaidInFullOnTimeIsFulfilledOnTime()
    {
        var c = Settlement();

        Assert.True(c.RecordPayment(Payment("p1", 10_000m, 0), paidInFull: true));

        Assert.Equal(CommitmentStatus.FulfilledOnTime, c.Status);
        Assert.Equal(1, c.Fulfilment);
    }

    [Fact]
    public void APartialPaymentLeavesItOpenAndCountsItsShareIfItDefaults()
    {
        var c = Settlement();
        c.RecordPayment(Payment("p1", 4_000m, 0), paidInFull: false);

        Assert.Equal(CommitmentStatus.Open, c.Status);
        Assert.Equal(0.4, c.PartialCredit(), 1e-12);
        c.DefaultIfOverdue(c.DueAt + Grace + TimeSpan.FromHours(1), Grace);
        Assert.Equal((CommitmentStatus.Defaulted, 0.4), (c.Status, c.Fulfilment!.Value));
    }

    [Fact]
    public void PaidInFullLateCountsWithTheTimelinessCredit()
    {
        var c = Settlement();
        c.RecordPayment(Payment("p1", 5_000m, 0), paidInFull: false);

        c.RecordPayment(Payment("p2", 5_000m, 30), paidInFull: true);

        // Half paid on time (full credit), half a month late (half credit): 0.5 + 0.25.
        Assert.Equal(CommitmentStatus.FulfilledLate, c.Status);
        Assert.Equal(0.75, c.Fulfilment!.Value, 1e-12);
    }

    [Fact]
    public void TheSamePaymentTwiceChangesNothing()
    {
        var c = Settlement();
        c.RecordPayment(Payment("p1", 4_000m, 0), paidInFull: false);

        Assert.False(c.RecordPayment(Payment("p1", 4_000m, 0), paidInFull: false));
        Assert.Equal(4_000m, c.Paid);
        Assert.Equal(2, c.Evidence.Count);
    }

    [Fact]
    public void APaymentAfterTheDefaultCuresItAsLateAndRecordsTheRemedy()
    {
        var c = Settlement();
        var defaultedAt = c.DueAt + Grace + TimeSpan.FromDays(1);
        c.DefaultIfOverdue(defaultedAt, Grace);

        c.RecordPayment(Payment("p1", 10_000m, 40), paidInFull: true);

        Assert.Equal(CommitmentStatus.FulfilledLate, c.Status);
        Assert.Equal(Timeliness.CreditForDaysLate(40), c.Fulfilment!.Value, 1e-12);
        Assert.NotNull(c.RemediedAt);
        Assert.Equal(CommitmentStatus.Defaulted, c.OutcomeAt(defaultedAt)!.Status);
    }

    [Fact]
    public void ADefaultRecordedWhileAnOnTimePaymentWasInFlightIsCleared()
    {
        var c = Settlement();
        c.DefaultIfOverdue(c.DueAt + Grace + TimeSpan.FromHours(1), Grace);

        c.RecordPayment(Payment("p1", 10_000m, 0), paidInFull: true);

        Assert.Equal(CommitmentStatus.FulfilledOnTime, c.Status);
        Assert.DoesNotContain(c.Outcomes, o => o.Status == CommitmentStatus.Defaulted);
        Assert.False(c.SevereDefaultAt(c.DueAt.AddYears(1), TimeSpan.FromDays(90)));
    }

    [Fact]
    public void ACorrectionToNothingOwedWithdrawsIt()
    {
        var c = Settlement();

        c.Adjust(-10_000m, null, Opened.AddDays(1), "allocation corrected");

        Assert.Equal(CommitmentStatus.Waived, c.Status);
        Assert.Equal(0m, c.Amount);
    }

    [Fact]
    public void ACorrectionRaisingTheAmountReopensAPaidCommitmentWithTheNewDueDate()
    {
        var c = Settlement();
        c.RecordPayment(Payment("p1", 10_000m, 0), paidInFull: true);

        c.Adjust(2_000m, DueDate.AddDays(10), Opened.AddDays(5), "allocation corrected");

        Assert.Equal(CommitmentStatus.Open, c.Status);
        Assert.Equal(12_000m, c.Amount);
        Assert.Equal(Commitment.EndOf(DueDate.AddDays(10)), c.DueAt);
        Assert.Equal(10_000.0 / 12_000.0, c.PartialCredit(), 1e-12);
    }

    [Fact]
    public void ACommitmentWithoutAnAmountEarnsNoPartialCredit()
    {
        Assert.Equal(0, Pledge().PartialCredit());
    }

    [Fact]
    public void ACommitmentCorrectedToNothingOwedEarnsNoPartialCreditForWhatWasPaid()
    {
        var c = Settlement();
        c.RecordPayment(Payment("p1", 4_000m, 0), paidInFull: false);

        c.Adjust(-10_000m, null, Opened.AddDays(1), "allocation corrected");

        Assert.Equal(0m, c.Amount);
        Assert.Equal(0, c.PartialCredit());
    }
}
