using CompensationFund.Api.Domain.Contributions;

namespace CompensationFund.Tests.Domain.Contributions;

/// <summary>
/// The late-payment penalty, rule version 1 (0.05 % a day, 万分之五): the days it covers, what a back-dated payment
/// lowers, and what was charged beyond the rule once such a payment is known.
/// </summary>
public sealed class LatePenaltyRuleTests
{
    private static readonly DateOnly Due = new(2026, 3, 31);

    private static Obligation Contribution(long amount) =>
        new() { Id = Guid.NewGuid(), CityId = "a", Kind = ObligationKind.Contribution, Amount = amount, DueDate = Due, Code = "CC-1" };

    [Fact]
    public void TheRuleIsCitedByNameAndVersion() =>
        Assert.Equal(("late-payment-penalty", 1, 5L, 10_000L), (LatePenaltyRule.Name, LatePenaltyRule.Version, LatePenaltyRule.RateNumerator, LatePenaltyRule.RateDenominator));

    [Fact]
    public void AnAssessmentCoversTheDaysFromTheDayAfterTheDueDateThroughTheDayAssessed()
    {
        var obligation = Contribution(1_000_000);

        var penalty = LatePenaltyRule.Assess(obligation, Due.AddDays(3))!;

        Assert.Equal((Due.AddDays(1), Due.AddDays(3), 3, 3_000_000L, 1_500L), (penalty.From, penalty.Through, penalty.Days, penalty.OverdueFenDays, penalty.Amount));
        Assert.Same(obligation, penalty.Obligation);
    }

    [Fact]
    public void TheNextAssessmentStartsTheDayAfterTheLastDayCharged()
    {
        var obligation = Contribution(1_000_000);
        obligation.PenaltyAssessedThrough = Due.AddDays(3);

        var penalty = LatePenaltyRule.Assess(obligation, Due.AddDays(5))!;

        Assert.Equal((Due.AddDays(4), 2, 1_000L), (penalty.From, penalty.Days, penalty.Amount));
    }

    [Fact]
    public void AClawbackBearsNoPenaltyEither() =>
        Assert.Null(LatePenaltyRule.Assess(new Obligation { Kind = ObligationKind.Clawback, Amount = 1_000_000, DueDate = Due }, Due.AddDays(30)));

    [Fact]
    public void TheAmountIsRoundedDownOnceForTheWholeAssessment()
    {
        var obligation = Contribution(1_999);

        Assert.Equal(2, LatePenaltyRule.Assess(obligation, Due.AddDays(3))!.Amount);
        Assert.Equal(2, LatePenaltyRule.AmountFor(obligation, Due.AddDays(1), Due.AddDays(3)));
        Assert.Equal(0, LatePenaltyRule.AmountFor(obligation, Due.AddDays(1), Due.AddDays(1)));
    }

    [Fact]
    public void ABackDatedPaymentShowsWhatWasChargedBeyondTheRule()
    {
        var obligation = Contribution(1_000_000);
        var penalty = LatePenaltyRule.Assess(obligation, Due.AddDays(10))!;
        obligation.Assessments.Add(new PenaltyAssessment(penalty.From, penalty.Through, penalty.Amount, Guid.NewGuid()));
        Assert.Equal(0, PenaltyCredit.Overcharged(obligation));

        obligation.Apply(1_000_000, Due.AddDays(5), Guid.NewGuid());

        Assert.Equal(5_000 - 2_000, PenaltyCredit.Overcharged(obligation));
        obligation.PenaltyCredited = 1_000;
        Assert.Equal(2_000, PenaltyCredit.Overcharged(obligation));
        obligation.PenaltyCredited = 9_000;
        Assert.Equal(0, PenaltyCredit.Overcharged(obligation));
    }
}
