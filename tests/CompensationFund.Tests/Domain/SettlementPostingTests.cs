using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Settlement;
using CsCheck;

namespace CompensationFund.Tests.Domain;

/// <summary>Settlement through the clearing account: one net amount per city, clearing nets to zero, corrections settle differences.</summary>
public sealed class SettlementPostingTests
{
    private static readonly DateOnly Due = new(2026, 6, 30);

    /// <summary>Balanced signed positions over a few cities: what some pay in, the others are paid out.</summary>
    private static readonly Gen<Dictionary<string, long>> Positions =
        Gen.Long[-5_000_000, 5_000_000].Array[1, 6].Select(amounts =>
        {
            var cities = amounts.Select((a, i) => (City: $"c{i}", Amount: a)).ToDictionary(c => c.City, c => c.Amount);
            cities["balancer"] = -amounts.Sum();
            return cities;
        });

    private static BalanceSheet Post(IReadOnlyList<JournalLine> lines) =>
        BalanceSheet.Fold(lines.Count == 0 ? [] : [new EntryDraft(new EntryHeader(EntryKinds.Settlement, "CNY", "s", EntrySource.Request("t", null)), Due, lines).Post(Guid.NewGuid(), DateTimeOffset.UtcNow)]);

    private static long Position(BalanceSheet sheet, string city) =>
        sheet[LedgerAccount.IdFor(city, LedgerAccountKind.SettlementReceivable)].Posted(NormalSide.Debit)
        - sheet[LedgerAccount.IdFor(city, LedgerAccountKind.SettlementPayable)].Posted(NormalSide.Credit);

    [Fact]
    public void EachCitySettlesOneNetAmountAndClearingNetsToZero() =>
        Positions.Sample(positions =>
        {
            var sheet = Post(SettlementPosting.Lines(new Dictionary<string, long>(), positions));
            Assert.Equal(0, sheet[FundAccounts.Clearing].Posted(NormalSide.Credit));
            foreach (var (city, amount) in positions)
            {
                Assert.Equal(amount, Position(sheet, city));
                var receivable = sheet[LedgerAccount.IdFor(city, LedgerAccountKind.SettlementReceivable)].Posted(NormalSide.Debit);
                var payable = sheet[LedgerAccount.IdFor(city, LedgerAccountKind.SettlementPayable)].Posted(NormalSide.Credit);
                Assert.True(receivable == 0 || payable == 0, "a city either owes or is owed, never both");
            }
        });

    [Fact]
    public void ACorrectionMovesEachCityToItsNewPositionAndNeverHoldsBothAccounts() =>
        Gen.Select(Positions, Positions).Sample((first, second) =>
        {
            var differences = first.Keys.Union(second.Keys).ToDictionary(c => c, c => second.GetValueOrDefault(c) - first.GetValueOrDefault(c));
            var lines = SettlementPosting.Lines(new Dictionary<string, long>(), first).Concat(SettlementPosting.Lines(first, differences)).ToList();
            var sheet = Post(lines);
            Assert.Equal(0, sheet[FundAccounts.Clearing].Posted(NormalSide.Credit));
            foreach (var city in differences.Keys)
            {
                Assert.Equal(second.GetValueOrDefault(city), Position(sheet, city));
            }
        });

    [Fact]
    public void InstructionsThatDoNotBalanceAreRefused() =>
        Assert.Throws<FundRuleException>(() => SettlementPosting.Differences([new("a", 100, Due), new("b", -99, Due)]));

    [Fact]
    public void ACityListedTwiceIsNetted() =>
        Assert.Equal(
            new Dictionary<string, long> { ["a"] = 70, ["b"] = -70 },
            SettlementPosting.Differences([new("a", 100, Due), new("a", -30, Due), new("b", -70, Due)]));

    [Fact]
    public void PaymentsReduceTheOutstandingAmountAndAreRefusedBeyondIt()
    {
        var settlement = new AllocationSettlement { Id = Guid.NewGuid() };
        settlement.Oblige([new("a", 1_000, Due), new("b", -1_000, Due)]);

        var partial = settlement.Pay("a", 400, Due.AddDays(3));
        Assert.Equal((SettlementDirection.PayIn, 600L, 3), (partial.Direction, partial.Outstanding, partial.DaysLate));
        Assert.Throws<FundRuleException>(() => settlement.Pay("a", 601, Due));
        Assert.Equal(0, settlement.Pay("b", 1_000, Due).Outstanding);
        Assert.True(Assert.Throws<FundRuleException>(() => settlement.Pay("b", 1, Due)).IsConflict);
    }
}
