using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Tests.Domain.Contributions;

/// <summary>What a city owes on one obligation, on a given day and now, and how a payment is applied to it.</summary>
public sealed class ObligationTests
{
    private static readonly DateOnly Due = new(2026, 3, 31);

    private static Obligation Owed(long amount, ObligationKind kind = ObligationKind.Contribution) =>
        new() { Id = Guid.NewGuid(), CityId = "a", Kind = kind, Amount = amount, DueDate = Due, Code = "CC-2026-a" };

    [Theory]
    [InlineData(ObligationKind.Contribution, "contribution")]
    [InlineData(ObligationKind.Penalty, "penalty")]
    [InlineData(ObligationKind.Clawback, "clawback")]
    public void KindsAreNamedOnTheWireAsPaymentPurposes(ObligationKind kind, string name) =>
        Assert.Equal(name, ObligationKinds.Name(kind));

    [Fact]
    public void WhatIsOutstandingIsTheAmountLessEveryPayment()
    {
        var obligation = Owed(1_000);
        obligation.Apply(300, Due, Guid.NewGuid());
        obligation.Apply(200, Due.AddDays(1), Guid.NewGuid());

        Assert.Equal((500L, 500L), (obligation.Paid, obligation.Outstanding));
    }

    [Fact]
    public void AWrittenOffPenaltyIsNoLongerOwedButACreditedContributionStillIs()
    {
        var penalty = Owed(100, ObligationKind.Penalty);
        penalty.PenaltyCredited = 30;
        var contribution = Owed(100);
        contribution.PenaltyCredited = 30;

        Assert.Equal(70, penalty.Outstanding);
        Assert.Equal(100, contribution.Outstanding);
    }

    [Fact]
    public void OutstandingOnADayCountsOnlyPaymentsMadeByTheEndOfThatDay()
    {
        var obligation = Owed(1_000);
        obligation.Apply(400, Due.AddDays(2), Guid.NewGuid());

        Assert.Equal(1_000, obligation.OutstandingOn(Due.AddDays(1)));
        Assert.Equal(600, obligation.OutstandingOn(Due.AddDays(2)));
        Assert.Equal(600, obligation.OutstandingOn(Due.AddDays(3)));
    }

    [Fact]
    public void DaysOverdueCountFromTheDueDateWhileSomethingIsOwed()
    {
        var obligation = Owed(1_000);

        Assert.Equal(0, obligation.DaysOverdue(Due.AddDays(-5)));
        Assert.Equal(0, obligation.DaysOverdue(Due));
        Assert.Equal(7, obligation.DaysOverdue(Due.AddDays(7)));

        obligation.Apply(1_000, Due.AddDays(3), Guid.NewGuid());
        Assert.Equal(0, obligation.DaysOverdue(Due.AddDays(7)));
    }

    [Fact]
    public void APaymentIsRecordedWithItsDayAndEntry()
    {
        var obligation = Owed(1_000);
        var entry = Guid.NewGuid();

        var payment = obligation.Apply(1_000, Due.AddDays(1), entry);

        Assert.Equal(new ObligationPayment(Due.AddDays(1), 1_000, entry), payment);
        Assert.Equal([payment], obligation.Payments);
        Assert.Equal(0, obligation.Outstanding);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(601)]
    public void APaymentIsMoreThanNothingAndAtMostWhatIsOutstanding(long amount)
    {
        var obligation = Owed(1_000);
        obligation.Apply(400, Due, Guid.NewGuid());

        var refused = Assert.Throws<FundRuleException>(() => obligation.Apply(amount, Due, Guid.NewGuid()));

        Assert.Equal("Amount out of range", refused.Title);
        Assert.Contains("CC-2026-a has 6.00 outstanding", refused.Message, StringComparison.Ordinal);
        Assert.Single(obligation.Payments);
    }
}
