using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Tests.Domain.Accounts;

/// <summary>
/// The chart of accounts (docs/compensation-fund.md §2): the fund's own accounts opened at start, the six accounts every
/// member city holds, their ids, names, currency and normal side; an account's counters and its limits.
/// </summary>
public sealed class LedgerAccountTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AMemberAccountBelongsToItsCityAndIsNamedByItsKind()
    {
        var account = LedgerAccount.Open("hangzhou", LedgerAccountKind.PenaltiesReceivable, At);

        Assert.Equal(
            ("city:hangzhou:penalties-receivable", "hangzhou", LedgerAccountKind.PenaltiesReceivable, "Penalties receivable", "CNY", NormalSide.Debit, At),
            (account.Id, account.OwnerCityId, account.Kind, account.Name, account.Currency, account.NormalSide, account.OpenedAt));
        Assert.Null(account.Purpose);
    }

    [Fact]
    public void AFundAccountHasNoOwnerAndMayHaveAPurpose()
    {
        var earmark = Guid.NewGuid();
        var account = LedgerAccount.OpenFundAccount(FundAccounts.Earmark(earmark), LedgerAccountKind.Earmarked, "Flood works", At, "flood-prevention");

        Assert.Equal(
            ($"fund:third-party:{earmark:N}", LedgerAccountKind.Earmarked, "Flood works", "CNY", NormalSide.Credit, "flood-prevention", At),
            (account.Id, account.Kind, account.Name, account.Currency, account.NormalSide, account.Purpose, account.OpenedAt));
        Assert.Null(account.OwnerCityId);
    }

    [Fact]
    public void TheFundOpensItsOwnChartOfAccounts()
    {
        var opened = FundAccounts.Open(At).ToList();

        Assert.Equal(
            [
                ("fund:bank", LedgerAccountKind.Bank, NormalSide.Debit),
                ("fund:pool", LedgerAccountKind.Pool, NormalSide.Credit),
                ("fund:third-party", LedgerAccountKind.ThirdPartyPool, NormalSide.Credit),
                ("fund:clearing", LedgerAccountKind.Clearing, NormalSide.Credit),
                ("fund:contributions-called", LedgerAccountKind.ContributionsCalled, NormalSide.Credit),
                ("fund:penalties-charged", LedgerAccountKind.PenaltiesCharged, NormalSide.Credit),
                ("fund:unapplied-receipts", LedgerAccountKind.UnappliedReceipts, NormalSide.Credit),
                ("fund:income:penalties", LedgerAccountKind.Income, NormalSide.Credit),
                ("fund:income:interest", LedgerAccountKind.Income, NormalSide.Credit),
                ("fund:expense:bank-charges", LedgerAccountKind.Expense, NormalSide.Debit),
            ],
            opened.Select(a => (a.Id, a.Kind, a.NormalSide)));
        Assert.All(opened, a => Assert.Null(a.OwnerCityId));
        Assert.Equal(
            [
                "Bank account", "Fund pool (members' co-funding)", "Third-party incentive pool (unearmarked)", "Settlement clearing",
                "Contributions called, not yet received", "Penalties and clawbacks charged, not yet received", "Unapplied receipts (over-payments)",
                "Penalty income", "Bank interest income", "Bank charges",
            ],
            opened.Select(a => a.Name));
    }

    [Fact]
    public void EveryMemberHoldsSixAccounts() =>
        Assert.Equal(
            [
                "city:wuxi:contributions-receivable", "city:wuxi:settlement-receivable", "city:wuxi:settlement-payable",
                "city:wuxi:compensation-payable", "city:wuxi:deposits-held", "city:wuxi:penalties-receivable",
            ],
            MemberAccounts.IdsFor("wuxi"));

    [Fact]
    public void AJoiningCityGetsOnlyTheAccountsItDoesNotHaveYet()
    {
        var opened = MemberAccounts.OpenMissing("wuxi", [LedgerAccountKind.DepositsHeld, LedgerAccountKind.ContributionsReceivable], At).ToList();

        Assert.Equal(
            [LedgerAccountKind.SettlementReceivable, LedgerAccountKind.SettlementPayable, LedgerAccountKind.CompensationPayable, LedgerAccountKind.PenaltiesReceivable],
            opened.Select(a => a.Kind));
        Assert.All(opened, a => Assert.Equal(("wuxi", At), (a.OwnerCityId, a.OpenedAt)));
        Assert.Empty(MemberAccounts.OpenMissing("wuxi", MemberAccounts.Kinds, At));
    }

    [Fact]
    public void EachLineMovesItsOwnCounterOfTheAccount()
    {
        var balance = AccountBalance.Zero
            .Apply(Movement.Post(JournalLine.Debit("x", 7)))
            .Apply(Movement.Post(JournalLine.Credit("x", 3)))
            .Apply(Movement.Hold(JournalLine.Debit("x", 5)))
            .Apply(Movement.Hold(JournalLine.Credit("x", 11)))
            .Apply(Movement.Release(JournalLine.Credit("x", 4)))
            .Apply(Movement.Release(JournalLine.Debit("x", 2)));

        Assert.Equal(new AccountBalance(7, 3, 3, 7), balance);
        Assert.Equal((4L, -4L), (balance.Posted(NormalSide.Debit), balance.Posted(NormalSide.Credit)));
        Assert.Equal((-3L, -7L), (balance.Lowest(NormalSide.Debit), balance.Lowest(NormalSide.Credit)));
        Assert.Equal((7L, 3L), (balance.Highest(NormalSide.Debit), balance.Highest(NormalSide.Credit)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ACounterThatWouldOverflowIsRefusedNotWrapped(int counter)
    {
        long Pick(int i, long value) => i == counter ? value : 0;
        var full = new AccountBalance(Pick(0, long.MaxValue), Pick(1, long.MaxValue), Pick(2, long.MaxValue), Pick(3, long.MaxValue));

        Assert.Throws<OverflowException>(() => full.Apply(new Movement("x", Pick(0, 1), Pick(1, 1), Pick(2, 1), Pick(3, 1))));
    }

    [Fact]
    public void ReleasingAReservationLowersThePendingCounters() =>
        Assert.Equal(new AccountBalance(0, 0, 2, 3), new AccountBalance(0, 0, 5, 7).Apply(new Movement("x", 0, 0, -3, -4)));

    [Theory]
    [InlineData(-1L, 0L, 0L, 0L)]
    [InlineData(0L, -1L, 0L, 0L)]
    [InlineData(0L, 0L, -1L, 0L)]
    [InlineData(0L, 0L, 0L, -1L)]
    public void ACounterBelowZeroIsNoticed(long dp, long cp, long dq, long cq)
    {
        Assert.False(new AccountBalance(dp, cp, dq, cq).CountersAreNonNegative);
        Assert.True(AccountBalance.Zero.CountersAreNonNegative);
    }

    [Fact]
    public void AnAccountsLimitHistoryIsItsOwnStream()
    {
        Assert.Equal(EntryIds.ForReference("account-limits:fund:pool"), AccountLimitChanged.StreamFor("fund:pool"));
        Assert.NotEqual(AccountLimitChanged.StreamFor("fund:bank"), AccountLimitChanged.StreamFor("fund:pool"));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(0L, null, true)]
    [InlineData(null, 0L, true)]
    [InlineData(5L, 5L, true)]
    [InlineData(5L, 4L, false)]
    public void AFloorAboveTheCeilingIsInconsistent(long? floor, long? ceiling, bool consistent) =>
        Assert.Equal(consistent, new AccountLimit(floor, ceiling).IsConsistent);
}
