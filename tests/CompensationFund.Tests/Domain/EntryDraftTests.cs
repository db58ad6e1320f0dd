using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Tests.Support;
using CsCheck;

namespace CompensationFund.Tests.Domain;

/// <summary>The rules every entry passes before it is posted: two or more lines, debits equal credits exactly, one currency.</summary>
public sealed class EntryDraftTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);

    [Fact]
    public void EveryBalancedEntryIsValid() =>
        LedgerGen.Draft(Today).Sample(draft => Assert.Empty(draft.Problems(Today)));

    [Fact]
    public void ChangingOneAmountUnbalancesTheEntry() =>
        LedgerGen.Draft(Today).Select(Gen.Int[0, 100], Gen.Long[1, 1000], (d, i, delta) => (d, i, delta)).Sample((draft, index, delta) =>
        {
            var i = index % draft.Lines.Count;
            var lines = draft.Lines.Select((l, j) => j == i ? l with { Amount = l.Amount + delta } : l).ToList();
            Assert.Contains((draft with { Lines = lines }).Problems(Today), p => p.Contains("must equal credits", StringComparison.Ordinal));
        });

    [Fact]
    public void OneLineOrOneAccountIsNotAnEntry()
    {
        var header = LedgerGen.Header();
        Assert.NotEmpty(new EntryDraft(header, Today, [JournalLine.Debit("a", 5)]).Problems(Today));
        Assert.Contains(
            new EntryDraft(header, Today, [JournalLine.Debit("a", 5), JournalLine.Credit("a", 5)]).Problems(Today),
            p => p.Contains("two accounts", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void AmountsArePositive(long amount) =>
        Assert.NotEmpty(new EntryDraft(LedgerGen.Header(), Today, [JournalLine.Debit("a", amount), JournalLine.Credit("b", amount)]).Problems(Today));

    [Fact]
    public void ValueDateMayNotBeInTheFuture() =>
        Assert.Contains(
            new EntryDraft(LedgerGen.Header(), Today.AddDays(1), [JournalLine.Debit("a", 1), JournalLine.Credit("b", 1)]).Problems(Today),
            p => p.Contains("future", StringComparison.Ordinal));

    [Theory]
    [InlineData("cny")]
    [InlineData("YUAN")]
    [InlineData("")]
    public void CurrencyIsAnIsoCode(string currency) =>
        Assert.NotEmpty(new EntryDraft(LedgerGen.Header() with { Currency = currency }, Today, [JournalLine.Debit("a", 1), JournalLine.Credit("b", 1)]).Problems(Today));
}
