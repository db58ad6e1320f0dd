using CompensationFund.Api.Domain.Contributions;

namespace CompensationFund.Tests.Domain.Contributions;

/// <summary>
/// Which obligations a payment settles and in what order (the named one, then oldest due first, contributions before
/// penalties on the same day), and the outcome the bank import reports.
/// </summary>
public sealed class PaymentApplicationTests
{
    private static readonly DateOnly Due = new(2026, 3, 31);

    private static Obligation Owed(long amount, DateOnly due, ObligationKind kind = ObligationKind.Contribution, string code = "CC-1") =>
        new() { Id = Guid.NewGuid(), CityId = "a", Kind = kind, Amount = amount, DueDate = due, Code = code };

    [Fact]
    public void APaymentOfEverythingItIsAppliedToIsFull()
    {
        var result = PaymentApplication.Apply(100, [Owed(100, Due)]);

        Assert.Equal(("full", 0L), (result.Outcome, result.Excess));
    }

    [Fact]
    public void APaymentThatLeavesSomethingOwedOnWhatItPaidIsPartial()
    {
        var result = PaymentApplication.Apply(99, [Owed(100, Due)]);

        Assert.Equal(("partial", 0L, 99L), (result.Outcome, result.Excess, result.Applications.Single().Amount));
    }

    [Fact]
    public void OnTheSameDueDateAContributionComesBeforeAPenaltyAndCodesBreakTies()
    {
        var penalty = Owed(10, Due, ObligationKind.Penalty, "LP-1");
        var second = Owed(10, Due, code: "CC-b");
        var first = Owed(10, Due, code: "CC-a");

        var result = PaymentApplication.Apply(25, [penalty, second, first]);

        Assert.Equal([("CC-a", 10L), ("CC-b", 10L), ("LP-1", 5L)], result.Applications.Select(a => (a.Obligation.Code, a.Amount)));
    }

    [Fact]
    public void ObligationsAlreadyPaidAreSkipped()
    {
        var paid = Owed(10, Due.AddDays(-10), code: "CC-paid");
        paid.Apply(10, Due, Guid.NewGuid());

        var result = PaymentApplication.Apply(5, [paid, Owed(10, Due, code: "CC-open")]);

        Assert.Equal(["CC-open"], result.Applications.Select(a => a.Obligation.Code));
    }

    [Fact]
    public void NamingAnObligationThatIsPaidFallsBackToTheOldestDue()
    {
        var paid = Owed(10, Due.AddDays(10), code: "CC-named");
        paid.Apply(10, Due, Guid.NewGuid());

        var result = PaymentApplication.Apply(5, [Owed(10, Due.AddDays(20), code: "CC-late"), paid, Owed(10, Due, code: "CC-early")], paid.Id);

        Assert.Equal(["CC-early"], result.Applications.Select(a => a.Obligation.Code));
    }
}
