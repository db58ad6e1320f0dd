using TrustScore.Api.Domain.Commitments;

namespace TrustScore.Tests.Domain.Commitments;

/// <summary>A commitment's life: opened, paid or reported, defaulted after the grace period, withdrawn, remedied.</summary>
public sealed partial class CommitmentTests
{
    internal static readonly DateTimeOffset Opened = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    internal static readonly DateOnly DueDate = new(2026, 3, 16);
    internal static readonly TimeSpan Grace = TimeSpan.FromDays(7);

    internal static Commitment Settlement(decimal amount = 10_000m)
    {
        var c = Commitment.Open("settlement:a:huangshan", "huangshan", ["fund"], CommitmentKind.Settlement, 3, VerificationSource.ThirdParty,
            "Settlement of allocation a", Opened, Commitment.EndOf(DueDate));
        c.Amount = amount;
        c.SevereIfDefaulted = true;
        return c;
    }

    internal static CommitmentPayment Payment(string reference, decimal applied, int daysLate) =>
        new(reference, applied, DueDate.AddDays(daysLate), daysLate, Commitment.EndOf(DueDate.AddDays(daysLate)).AddHours(-12));

    [Fact]
    public void OpensWithNoOutcome()
    {
        var c = Settlement();

        Assert.Equal(CommitmentStatus.Open, c.Status);
        Assert.Null(c.OutcomeAt(Opened.AddYears(1)));
        Assert.Single(c.Evidence);
    }

    [Fact]
    public void AWeightThatIsNotPositiveIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Commitment.Open(
            "x", "a", [], CommitmentKind.Pledge, 0, VerificationSource.Joint, "x", Opened, Opened));
    }

    [Fact]
    public void IsDueByTheEndOfItsDueDate()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 17, 0, 0, 0, TimeSpan.Zero), Commitment.EndOf(DueDate));
    }

    [Fact]
    public void SettlesAWholeCommitmentOnTimeLateOrNotAtAll()
    {
        var onTime = Pledge();
        onTime.Settle(1, onTime.DueAt.AddHours(-1), "confirmed");
        var late = Pledge();
        late.Settle(0.6, late.DueAt.AddHours(5), "confirmed late");
        var missed = Pledge();
        missed.Settle(0, missed.DueAt.AddDays(1), "not delivered");

        Assert.Equal((CommitmentStatus.FulfilledOnTime, 1.0), (onTime.Status, onTime.Fulfilment!.Value));
        Assert.Equal((CommitmentStatus.FulfilledLate, 0.6), (late.Status, late.Fulfilment!.Value));
        Assert.Equal((CommitmentStatus.Defaulted, 0.0), (missed.Status, missed.Fulfilment!.Value));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void RefusesAFulfilmentOutsideZeroToOne(double fulfilment)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Pledge().Settle(fulfilment, Opened, "x"));
    }

    [Fact]
    public void DefaultsOnlyAfterTheDueDateAndTheGracePeriod()
    {
        var c = Settlement();
        var defaultsAt = c.DueAt + Grace;

        Assert.False(c.DefaultIfOverdue(defaultsAt, Grace));
        Assert.Equal(CommitmentStatus.Open, c.Status);
        Assert.True(c.DefaultIfOverdue(defaultsAt.AddSeconds(1), Grace));
        Assert.Equal(CommitmentStatus.Defaulted, c.Status);
        Assert.Equal(0, c.Fulfilment);
        Assert.False(c.DefaultIfOverdue(defaultsAt.AddDays(1), Grace));
        Assert.Single(c.Outcomes);
    }

    [Fact]
    public void ASettledCommitmentNeverDefaults()
    {
        var c = Settlement();
        c.RecordPayment(Payment("p1", 10_000m, 0), paidInFull: true);

        Assert.False(c.DefaultIfOverdue(c.DueAt.AddYears(1), Grace));
        Assert.Equal(CommitmentStatus.FulfilledOnTime, c.Status);
    }

    [Fact]
    public void AWithdrawnCommitmentCountsNowhereFromItsWithdrawal()
    {
        var c = Pledge();
        c.Settle(0, c.DueAt, "missed");
        var withdrawnAt = c.DueAt.AddDays(3);

        c.Withdraw(withdrawnAt, "appeal upheld");

        Assert.Equal(CommitmentStatus.Waived, c.Status);
        Assert.NotNull(c.OutcomeAt(withdrawnAt.AddTicks(-1)));
        Assert.Null(c.OutcomeAt(withdrawnAt));
        Assert.False(c.DefaultIfOverdue(withdrawnAt.AddYears(1), Grace));
    }

    [Fact]
    public void AWaivedCommitmentIgnoresALaterSettlement()
    {
        var c = Pledge();
        c.Withdraw(Opened, "released");

        c.Settle(1, Opened.AddDays(1), "confirmed");

        Assert.Equal(CommitmentStatus.Waived, c.Status);
        Assert.Empty(c.Outcomes);
    }

    internal static Commitment Pledge() => Commitment.Open(
        "pledge:1", "hangzhou", ["coordinating-body"], CommitmentKind.Pledge, 1, VerificationSource.Joint, "2 pumping teams within 6 h", Opened, Opened.AddDays(2));
}
