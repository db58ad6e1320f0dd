using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Periods;

namespace CompensationFund.Tests.Domain.Periods;

/// <summary>Calendar months as accounting periods, the refusals of closing them, and the closing entry's header.</summary>
public sealed class AccountingPeriodTests
{
    private static readonly AccountingPeriod February = new(2028, 2);

    [Fact]
    public void APeriodRunsFromTheFirstToTheLastDayOfItsMonth()
    {
        Assert.Equal((new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29)), (February.FirstDay, February.LastDay));
        Assert.Equal(new AccountingPeriod(2028, 3), February.Next);
        Assert.Equal(new AccountingPeriod(2029, 1), new AccountingPeriod(2028, 12).Next);
        Assert.Equal(February, AccountingPeriod.Of(new DateOnly(2028, 2, 29)));
        Assert.Equal("2028-02", February.ToString());
    }

    [Fact]
    public void AParsedPeriodIsTheMonthItNames()
    {
        Assert.True(AccountingPeriod.TryParse("2028-02", out var parsed));
        Assert.Equal(February, parsed);
        Assert.False(AccountingPeriod.TryParse(null, out var none));
        Assert.Equal(default, none);
        Assert.False(AccountingPeriod.TryParse("2028-02-01", out _));
    }

    [Fact]
    public void AMonthNotOverSaysFromWhenItCanClose()
    {
        var refused = Assert.Throws<FundRuleException>(() => PeriodClosing.EnsureMayClose(February, null, new DateOnly(2028, 2, 29)));

        Assert.Equal(("Period not over", false), (refused.Title, refused.IsConflict));
        Assert.Equal("Period 2028-02 ends on 2028-02-29; it can close from the day after.", refused.Message);
    }

    [Fact]
    public void AClosedMonthIsAConflictNamingHowFarTheBooksAreClosed()
    {
        var refused = Assert.Throws<FundRuleException>(() => PeriodClosing.EnsureMayClose(February, new DateOnly(2028, 2, 1), new DateOnly(2028, 6, 1)));

        Assert.Equal(("Period already closed", true), (refused.Title, refused.IsConflict));
        Assert.Equal("The books are closed through 2028-02-01, which includes 2028-02.", refused.Message);
    }

    [Fact]
    public void ASkippedMonthNamesTheMonthToCloseFirst()
    {
        var refused = Assert.Throws<FundRuleException>(() => PeriodClosing.EnsureMayClose(February, new DateOnly(2027, 12, 31), new DateOnly(2028, 6, 1)));

        Assert.Equal(("Periods close in order", false), (refused.Title, refused.IsConflict));
        Assert.Equal("The books are closed through 2027-12-31; close 2028-01 before 2028-02.", refused.Message);
    }

    [Fact]
    public void TheMonthAfterTheLastClosedOneClosesOnTheDayAfterItEnds() =>
        PeriodClosing.EnsureMayClose(February, new DateOnly(2028, 1, 31), new DateOnly(2028, 3, 1));

    [Fact]
    public void TheLastDayOfAClosedPeriodIsClosedTooAndTheRefusalIsNotAConflict()
    {
        var refused = Assert.Throws<FundRuleException>(() => PeriodClosing.EnsureOpen(new DateOnly(2028, 2, 29), new DateOnly(2028, 2, 29)));

        Assert.Equal(("Period closed", false), (refused.Title, refused.IsConflict));
        Assert.Equal(
            "Value date 2028-02-29 falls in period 2028-02, and the books are closed through 2028-02-29. Date the posting (or a correcting entry) on or after 2028-03-01.",
            refused.Message);
        PeriodClosing.EnsureOpen(new DateOnly(2028, 2, 29), null);
    }

    [Fact]
    public void TheClosingEntryIsTheFundsOwnRuleDatedTheLastDayAndNamedByThePeriod()
    {
        var draft = ClosingEntry.For(February, [new(FundAccounts.InterestIncome, LedgerAccountKind.Income, 250)], "finance")!;

        Assert.Equal((EntryKinds.PeriodClose, "CNY", "Closing income and expense of 2028-02 into the fund pool"), (draft.Header.Kind, draft.Header.Currency, draft.Header.Description));
        Assert.Equal(("rule", "period-close", 1, "finance"), (draft.Header.Source.Kind, draft.Header.Source.Rule, draft.Header.Source.RuleVersion, draft.Header.Source.RequestedBy));
        Assert.Equal(new Dictionary<string, string> { ["period"] = "2028-02" }, draft.Header.Source.Inputs);
        Assert.Equal(new DateOnly(2028, 2, 29), draft.ValueDate);
        Assert.Equal(EntryIds.ForReference("period-close:2028-02"), ClosingEntry.EntryIdFor(February));
    }

    [Fact]
    public void AnAccountBelowZeroIsBroughtUpFromTheOtherSide()
    {
        var draft = ClosingEntry.For(February, [
            new(FundAccounts.PenaltyIncome, LedgerAccountKind.Income, -40),
            new(FundAccounts.BankCharges, LedgerAccountKind.Expense, -10)], "finance")!;

        Assert.Equal(
            [JournalLine.Debit(FundAccounts.BankCharges, 10), JournalLine.Credit(FundAccounts.PenaltyIncome, 40), JournalLine.Debit(FundAccounts.Pool, 30)],
            draft.Lines);
    }

    [Fact]
    public void IncomeAndExpenseThatCancelOutLeaveThePoolAlone()
    {
        var draft = ClosingEntry.For(February, [
            new(FundAccounts.PenaltyIncome, LedgerAccountKind.Income, 70),
            new(FundAccounts.BankCharges, LedgerAccountKind.Expense, 70)], "finance")!;

        Assert.DoesNotContain(draft.Lines, l => l.Account == FundAccounts.Pool);
        Assert.Equal(2, draft.Lines.Count);
    }

    [Fact]
    public void ThePeriodClosesAreKeptInOneStreamWhoseIdNeverChanges() =>
        Assert.Equal(new Guid("0b7c8f0e-4a52-4e61-9d38-5a1c7e2f9d10"), PeriodClosed.Stream);
}
