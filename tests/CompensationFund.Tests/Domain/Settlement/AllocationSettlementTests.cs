using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Settlement;

namespace CompensationFund.Tests.Domain.Settlement;

/// <summary>
/// One allocation's settlement, city by city: what each was obliged to pay in or is to be paid out, what was settled
/// and when, and the cash leg of each payment through the clearing account (domain.md §4.2).
/// </summary>
public sealed class AllocationSettlementTests
{
    private static readonly DateOnly Due = new(2026, 6, 30);
    private static readonly Guid Allocation = new("7d3e1f20-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

    private static AllocationSettlement Settled(params SettlementInstructionLine[] lines)
    {
        var settlement = new AllocationSettlement { Id = Allocation };
        settlement.Oblige(lines);
        return settlement;
    }

    [Fact]
    public void APositionIsSignedByWhoOwesWhom()
    {
        Assert.Equal(SettlementDirection.PayIn, new SettlementPosition { Obligated = 1 }.Direction);
        Assert.Equal(SettlementDirection.PayOut, new SettlementPosition { Obligated = -1 }.Direction);
        Assert.Null(new SettlementPosition { Obligated = 5, Settled = 5 }.Direction);
        Assert.Equal(-3, new SettlementPosition { Obligated = 2, Settled = 5 }.Outstanding);
    }

    [Theory]
    [InlineData(SettlementDirection.PayIn, "pay-in")]
    [InlineData(SettlementDirection.PayOut, "pay-out")]
    public void DirectionsAreNamedAsCostSharingNamesThem(SettlementDirection direction, string name)
    {
        Assert.Equal(name, SettlementPosition.Name(direction));
        Assert.Equal(direction, SettlementPosition.Parse(name));
    }

    [Fact]
    public void AnUnknownDirectionIsNotParsed() => Assert.Null(SettlementPosition.Parse("sideways"));

    [Fact]
    public void ObligationsAddUpPerCityAndTheLastDueDateHolds()
    {
        var settlement = Settled(new("a", 1_000, Due), new("b", -1_000, Due));

        settlement.Oblige([new("a", -300, Due.AddDays(10)), new("c", 300, Due.AddDays(10))]);

        Assert.Equal(new Dictionary<string, long> { ["a"] = 700, ["b"] = -1_000, ["c"] = 300 }, settlement.Outstanding());
        Assert.Equal(Due.AddDays(10), settlement.Positions.Single(p => p.CityId == "a").DueDate);
        Assert.Equal(Due, settlement.Positions.Single(p => p.CityId == "b").DueDate);
    }

    [Fact]
    public void APositionSettledInFullRecordsTheDayAndACorrectionThatReopensItClearsIt()
    {
        var settlement = Settled(new("a", 1_000, Due), new("b", -1_000, Due));

        settlement.Pay("a", 600, Due.AddDays(-2));
        Assert.Null(settlement.Positions[0].SettledOn);
        var last = settlement.Pay("a", 400, Due.AddDays(-1));

        Assert.Equal(new SettlementPayment("a", SettlementDirection.PayIn, 400, 0, Due, Due.AddDays(-1), 0), last);
        Assert.Equal(Due.AddDays(-1), settlement.Positions[0].SettledOn);

        settlement.Oblige([new("a", 0, Due)]);
        Assert.Equal(Due.AddDays(-1), settlement.Positions[0].SettledOn);
        settlement.Oblige([new("a", 50, Due)]);
        Assert.Null(settlement.Positions[0].SettledOn);
    }

    [Fact]
    public void PayingOutACityLowersWhatItIsOwed()
    {
        var settlement = Settled(new("a", 1_000, Due), new("b", -1_000, Due));

        var payment = settlement.Pay("b", 1_000, Due.AddDays(4));

        Assert.Equal(new SettlementPayment("b", SettlementDirection.PayOut, 1_000, 0, Due, Due.AddDays(4), 4), payment);
        Assert.Equal(0, settlement.Outstanding()["b"]);
        Assert.Equal(Due.AddDays(4), settlement.Positions[1].SettledOn);
    }

    [Fact]
    public void ACityWithNothingOutstandingHasNothingToSettle()
    {
        var settlement = Settled(new("a", 1_000, Due), new("b", -1_000, Due));

        var stranger = Assert.Throws<FundRuleException>(() => settlement.Pay("z", 1, Due));

        Assert.Equal(("Nothing to settle", true), (stranger.Title, stranger.IsConflict));
        Assert.Equal($"City 'z' has nothing outstanding in the settlement of allocation {Allocation}.", stranger.Message);
    }

    [Theory]
    [InlineData("a", 0)]
    [InlineData("a", 1_001)]
    [InlineData("b", 1_001)]
    [InlineData("b", -1)]
    public void APaymentIsMoreThanZeroAndAtMostWhatIsOutstanding(string city, long amount)
    {
        var settlement = Settled(new("a", 1_000, Due), new("b", -1_000, Due));

        var refused = Assert.Throws<FundRuleException>(() => settlement.Pay(city, amount, Due));

        Assert.Equal(("Amount out of range", false), (refused.Title, refused.IsConflict));
        Assert.StartsWith($"City '{city}' has 10.00 outstanding ({(city == "a" ? "pay-in" : "pay-out")})", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 1_000, ["b"] = -1_000 }, settlement.Outstanding());
    }

    [Fact]
    public void TheWholeOutstandingAmountCanBePaidAtOnceEitherWay()
    {
        var settlement = Settled(new("a", 1_000, Due), new("b", -1_000, Due));

        Assert.Equal(0, settlement.Pay("a", 1_000, Due).Outstanding);
        Assert.Equal(0, settlement.Pay("b", 1_000, Due).Outstanding);
    }

    [Fact]
    public void MoneyInFromACityThatOwesSettlesItsReceivable() =>
        Assert.Equal(
            [JournalLine.Debit(FundAccounts.Bank, 500), JournalLine.Credit("city:a:settlement-receivable", 500)],
            SettlementPosting.PaymentLines("a", SettlementDirection.PayIn, 500));

    [Fact]
    public void MoneyOutToACityThatIsOwedSettlesItsPayable() =>
        Assert.Equal(
            [JournalLine.Debit("city:b:settlement-payable", 500), JournalLine.Credit(FundAccounts.Bank, 500)],
            SettlementPosting.PaymentLines("b", SettlementDirection.PayOut, 500));

    [Fact]
    public void UnbalancedInstructionsSayWhatIsCollectedAndWhatIsPaidOut()
    {
        var refused = Assert.Throws<FundRuleException>(() => SettlementPosting.Differences([new("a", 100, Due), new("b", 50, Due), new("c", -120, Due)]));

        Assert.Equal(("Settlement does not balance", false), (refused.Title, refused.IsConflict));
        Assert.Equal("The instructions collect 1.50 and pay out 1.20; through the clearing account they must be equal.", refused.Message);
    }

    [Fact]
    public void ACityWhoseDifferenceIsZeroGetsNoLines() =>
        Assert.Equal(
            [JournalLine.Debit("city:a:settlement-receivable", 100), JournalLine.Credit(FundAccounts.Clearing, 100), JournalLine.Credit("city:b:settlement-payable", 100), JournalLine.Debit(FundAccounts.Clearing, 100)],
            SettlementPosting.Lines(new Dictionary<string, long>(), new Dictionary<string, long> { ["c"] = 0, ["b"] = -100, ["a"] = 100 }));
}
