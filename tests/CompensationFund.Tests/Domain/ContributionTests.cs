using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Ledger;
using CsCheck;

namespace CompensationFund.Tests.Domain;

/// <summary>Contribution formulas, payment application and the late-payment penalty rule.</summary>
public sealed class ContributionTests
{
    private static readonly DateOnly Due = new(2026, 3, 31);

    private static Obligation Owed(long amount, DateOnly? due = null, ObligationKind kind = ObligationKind.Contribution, string code = "CC-1") =>
        new() { Id = Guid.NewGuid(), CityId = "a", Kind = kind, Amount = amount, DueDate = due ?? Due, Code = code };

    [Fact]
    public void FixedRatiosOneToFiveToFourSplitTheTotalExactly() =>
        Assert.Equal(
            new Dictionary<string, long> { ["yunnan"] = 3_333_333, ["guizhou"] = 16_666_667, ["sichuan"] = 13_333_333 },
            new ContributionFormula(FormulaKind.FixedRatios, new Dictionary<string, decimal> { ["yunnan"] = 1, ["guizhou"] = 5, ["sichuan"] = 4 }).Split(33_333_333, []));

    [Fact]
    public void PopulationAndGdpFormulasWeighByMemberSize()
    {
        MemberSize[] members = [new("big", 3_000_000, 100m), new("small", 1_000_000, 300m)];
        Assert.Equal(75_000, new ContributionFormula(FormulaKind.Population).Split(100_000, members)["big"]);
        Assert.Equal(75_000, new ContributionFormula(FormulaKind.Gdp).Split(100_000, members)["small"]);
    }

    [Fact]
    public void AFormulaWithoutAPositiveWeightIsRefused() =>
        Assert.Throws<FundRuleException>(() => new ContributionFormula(FormulaKind.Population).Split(100, [new("a", 0, 0)]));

    [Fact]
    public void APaymentGoesToTheNamedObligationThenOldestFirstAndTheRestIsUnapplied()
    {
        var older = Owed(100, Due.AddDays(-30), code: "CC-old");
        var newer = Owed(100, Due, code: "CC-new");
        var named = PaymentApplication.Apply(150, [older, newer], newer.Id);
        Assert.Equal([("CC-new", 100L), ("CC-old", 50L)], named.Applications.Select(a => (a.Obligation.Code, a.Amount)));
        Assert.Equal("partial", named.Outcome);

        var over = PaymentApplication.Apply(250, [older, newer]);
        Assert.Equal(50, over.Excess);
        Assert.Equal("over", over.Outcome);
        Assert.Equal("unapplied", PaymentApplication.Apply(10, []).Outcome);
    }

    [Fact]
    public void ApplicationNeverPaysMoreThanOwedAndKeepsEveryFen() =>
        Gen.Select(Gen.Long[1, 10_000].Array[0, 5], Gen.Long[1, 50_000]).Sample((amounts, payment) =>
        {
            var open = amounts.Select((a, i) => Owed(a, Due.AddDays(i), code: $"CC-{i}")).ToList();
            var result = PaymentApplication.Apply(payment, open);
            Assert.Equal(payment, result.Applications.Sum(a => a.Amount) + result.Excess);
            Assert.All(result.Applications, a => Assert.InRange(a.Amount, 1, a.Obligation.Outstanding));
            Assert.True(result.Excess == 0 || result.Applications.Sum(a => a.Amount) == amounts.Sum());
        });

    [Fact]
    public void LatePenaltyIsFiveTenThousandthsPerDayOnWhatWasOutstandingEachDay()
    {
        var obligation = Owed(1_000_000);
        obligation.Apply(400_000, Due.AddDays(4), Guid.NewGuid());

        var penalty = LatePenaltyRule.Assess(obligation, Due.AddDays(10))!;

        Assert.Equal(10, penalty.Days);
        Assert.Equal((3 * 1_000_000) + (7 * 600_000), penalty.OverdueFenDays);
        Assert.Equal(3_600, penalty.Amount);
    }

    [Fact]
    public void EachDayIsChargedOnceAndPenaltiesBearNoPenalty()
    {
        var obligation = Owed(1_000_000);
        obligation.PenaltyAssessedThrough = Due.AddDays(10);

        Assert.Null(LatePenaltyRule.Assess(obligation, Due.AddDays(10)));
        Assert.Equal(1, LatePenaltyRule.Assess(obligation, Due.AddDays(11))!.Days);
        Assert.Null(LatePenaltyRule.Assess(Owed(1_000_000, kind: ObligationKind.Penalty), Due.AddDays(30)));
        Assert.Null(LatePenaltyRule.Assess(Owed(1_000_000), Due));
    }

    [Fact]
    public void AssessingInStepsNeverChargesMoreThanAssessingAtOnce() =>
        Gen.Select(Gen.Long[1, 100_000_000], Gen.Int[1, 60], Gen.Int[1, 59]).Sample((amount, days, split) =>
        {
            var once = LatePenaltyRule.Assess(Owed(amount), Due.AddDays(days))!.Amount;
            var stepped = Owed(amount);
            var first = LatePenaltyRule.Assess(stepped, Due.AddDays(Math.Min(split, days)))!;
            stepped.PenaltyAssessedThrough = first.Through;
            var second = LatePenaltyRule.Assess(stepped, Due.AddDays(days))?.Amount ?? 0;
            Assert.InRange(first.Amount + second, once - 1, once);
        });
}
