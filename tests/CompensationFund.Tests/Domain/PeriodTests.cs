using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Periods;

namespace CompensationFund.Tests.Domain;

/// <summary>Months close in order after they end; the closing entry zeroes income and expense into the pool.</summary>
public sealed class PeriodTests
{
    private static readonly AccountingPeriod March = new(2026, 3);

    [Fact]
    public void AMonthClosesOnlyAfterItsLastDay()
    {
        Assert.Throws<FundRuleException>(() => PeriodClosing.EnsureMayClose(March, null, new DateOnly(2026, 3, 31)));
        PeriodClosing.EnsureMayClose(March, null, new DateOnly(2026, 4, 1));
    }

    [Fact]
    public void MonthsCloseInOrder()
    {
        PeriodClosing.EnsureMayClose(March, new DateOnly(2026, 2, 28), new DateOnly(2026, 6, 1));
        Assert.Throws<FundRuleException>(() => PeriodClosing.EnsureMayClose(March, new DateOnly(2026, 1, 31), new DateOnly(2026, 6, 1)));
        Assert.True(Assert.Throws<FundRuleException>(() => PeriodClosing.EnsureMayClose(March, new DateOnly(2026, 3, 31), new DateOnly(2026, 6, 1))).IsConflict);
    }

    [Fact]
    public void APostingIntoAClosedMonthIsRefusedWithTheFirstOpenDay()
    {
        var refusal = Assert.Throws<FundRuleException>(() => PeriodClosing.EnsureOpen(new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 31)));
        Assert.Contains("2026-03", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("on or after 2026-04-01", refusal.Message, StringComparison.Ordinal);
        PeriodClosing.EnsureOpen(new DateOnly(2026, 4, 1), new DateOnly(2026, 3, 31));
    }

    [Fact]
    public void ClosingEntryMovesNetIncomeIntoThePool()
    {
        var draft = ClosingEntry.For(March, [
            new(FundAccounts.PenaltyIncome, LedgerAccountKind.Income, 500),
            new(FundAccounts.InterestIncome, LedgerAccountKind.Income, 0),
            new(FundAccounts.BankCharges, LedgerAccountKind.Expense, 120)], "finance")!;

        Assert.Empty(draft.Problems(new DateOnly(2026, 4, 1)));
        Assert.Equal(new DateOnly(2026, 3, 31), draft.ValueDate);
        Assert.Equal(
            [JournalLine.Credit(FundAccounts.BankCharges, 120), JournalLine.Debit(FundAccounts.PenaltyIncome, 500), JournalLine.Credit(FundAccounts.Pool, 380)],
            draft.Lines);
    }

    [Fact]
    public void ClosingEntryTakesANetLossFromThePoolAndNothingWhenAllIsZero()
    {
        var loss = ClosingEntry.For(March, [new(FundAccounts.BankCharges, LedgerAccountKind.Expense, 90)], "finance")!;
        Assert.Contains(JournalLine.Debit(FundAccounts.Pool, 90), loss.Lines);
        Assert.Null(ClosingEntry.For(March, [new(FundAccounts.PenaltyIncome, LedgerAccountKind.Income, 0)], "finance"));
    }

    [Theory]
    [InlineData("2026-03", true)]
    [InlineData("2026-13", false)]
    [InlineData("March", false)]
    public void PeriodsAreWrittenYearDashMonth(string text, bool valid) => Assert.Equal(valid, AccountingPeriod.TryParse(text, out _));
}
