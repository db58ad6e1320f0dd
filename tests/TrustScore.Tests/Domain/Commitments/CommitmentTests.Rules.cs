using TrustScore.Api.Domain.Commitments;

namespace TrustScore.Tests.Domain.Commitments;

/// <summary>
/// The edges of settling and paying (domain.md §4.3: a fulfilment fraction, late fulfilment counts partly; partial
/// and late payments count partly), and what stays on record as evidence.
/// </summary>
public sealed partial class CommitmentTests
{
    private static Commitment Report() => Commitment.Open(
        "report:i1:huangshan", "huangshan", ["coordinating-body"], CommitmentKind.OriginReport, 2, VerificationSource.Joint,
        "Report incident i1", Opened, Opened.AddHours(24));

    [Fact]
    public void KeptInFullAtTheDueMomentIsOnTime()
    {
        var c = Report();

        c.Settle(1, c.DueAt, "reported", "i1");

        Assert.Equal(CommitmentStatus.FulfilledOnTime, c.Status);
        Assert.Equal(("reported", "i1"), (c.Evidence[^1].What, c.Evidence[^1].Reference));
    }

    [Fact]
    public void KeptInFullAfterTheDueMomentIsLate()
    {
        var c = Report();

        c.Settle(1, c.DueAt.AddTicks(1), "reported late");

        Assert.Equal((CommitmentStatus.FulfilledLate, 1.0), (c.Status, c.Fulfilment!.Value));
    }

    [Fact]
    public void KeptInPartByTheDueDateIsFulfilledLateWithItsFraction()
    {
        var c = Report();

        c.Settle(0.5, Opened, "half the figures reported");

        Assert.Equal((CommitmentStatus.FulfilledLate, 0.5), (c.Status, c.Fulfilment!.Value));
    }

    [Fact]
    public void AWithdrawalKeepsTheFirstDateAndNotesWhy()
    {
        var c = Report();

        c.Withdraw(Opened.AddDays(2), "appeal upheld");
        c.Withdraw(Opened.AddDays(5), "nothing owed");

        Assert.Equal(Opened.AddDays(2), c.WithdrawnAt);
        Assert.Equal(CommitmentStatus.Waived, c.Status);
        Assert.Equal("Withdrawn: appeal upheld", c.Evidence[1].What);
    }

    [Fact]
    public void ARemedyKeepsTheFirstDateAndDescriptionAndNotesEach()
    {
        var c = Settlement();

        c.RecordRemedy(Opened.AddDays(30), "paid with interest");
        c.RecordRemedy(Opened.AddDays(40), "apology");

        Assert.Equal((Opened.AddDays(30), "paid with interest"), (c.RemediedAt!.Value, c.Remedy));
        Assert.Equal(3, c.Evidence.Count);
        Assert.Equal("Remedy recorded: paid with interest", c.Evidence[1].What);
    }

    [Fact]
    public void WhatIsPaidIsTheSumOfThePayments()
    {
        var c = Settlement();

        Assert.True(c.RecordPayment(Payment("p1", 3_000m, 0), paidInFull: false));
        Assert.True(c.RecordPayment(Payment("p2", 2_000m, 0), paidInFull: false));

        Assert.Equal(5_000m, c.Paid);
        Assert.Equal(3, c.Evidence.Count);
        Assert.Equal($"Paid 3000 on {DueDate:yyyy-MM-dd}, 0 days late.", c.Evidence[1].What);
    }

    [Fact]
    public void TheFundsInFullIsNotedWithThePayment()
    {
        var c = Settlement();

        c.RecordPayment(Payment("p1", 10_000m, 2), paidInFull: true);

        Assert.Equal($"Paid 10000 on {DueDate.AddDays(2):yyyy-MM-dd}, 2 days late, in full.", c.Evidence[1].What);
        Assert.Equal("p1", c.Evidence[1].Reference);
    }

    [Fact]
    public void InFullButShortOfTheAmountCountsOnlyItsShareEvenWhenOnTime()
    {
        var c = Settlement();

        c.RecordPayment(Payment("p1", 5_000m, 0), paidInFull: true);

        Assert.Equal((CommitmentStatus.FulfilledLate, 0.5), (c.Status, c.Fulfilment!.Value));
    }

    [Fact]
    public void OneLatePaymentMakesTheWholeLateEvenWhenTheCreditIsFull()
    {
        var c = Settlement();
        c.RecordPayment(Payment("p1", 10_000m, 0), paidInFull: false);

        c.RecordPayment(Payment("p2", 500m, 3), paidInFull: true);

        Assert.Equal((CommitmentStatus.FulfilledLate, 1.0), (c.Status, c.Fulfilment!.Value));
    }

    [Fact]
    public void ACorrectionThatChangesNothingLeavesAPaidCommitmentFulfilled()
    {
        var c = Settlement();
        c.RecordPayment(Payment("p1", 10_000m, 0), paidInFull: true);

        c.Adjust(0m, null, Opened.AddDays(20), "recomputed, same amount");

        Assert.Equal(CommitmentStatus.FulfilledOnTime, c.Status);
        Assert.Equal("Amount changed by 0 to 10000: recomputed, same amount", c.Evidence[^1].What);
    }

    [Fact]
    public void ACorrectionOfAnOpenCommitmentRecordsNoOutcome()
    {
        var c = Settlement();

        c.Adjust(500m, null, Opened.AddDays(2), "more owed");

        Assert.Empty(c.Outcomes);
        Assert.Equal((CommitmentStatus.Open, 10_500m), (c.Status, c.Amount!.Value));
    }
}
