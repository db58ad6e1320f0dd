using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Tests.Domain.Contributions;

/// <summary>
/// Crediting an over-charged late penalty (docs/compensation-fund.md, late penalties): what the city still owes on its
/// penalties is written off first, newest first; what it already paid is owed back as unapplied receipts.
/// </summary>
public sealed class PenaltyCreditPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 8, 0, 0, TimeSpan.Zero);

    private static Obligation Penalty(long amount, long paid, int ageDays) => new()
    {
        Id = Guid.NewGuid(), CityId = "a", Kind = ObligationKind.Penalty, Amount = amount, CreatedAt = Now.AddDays(-ageDays),
        Payments = paid > 0 ? [new ObligationPayment(new DateOnly(2026, 5, 1), paid, Guid.NewGuid())] : [],
    };

    [Fact]
    public void ACreditWithinWhatIsOwedWritesOffTheNewestPenaltyFirst()
    {
        var older = Penalty(100, 0, ageDays: 10);
        var newer = Penalty(60, 0, ageDays: 2);

        var plan = PenaltyCredit.Plan("a", 80, [older, newer]);

        Assert.Equal([(newer.Id, 60L), (older.Id, 20L)], plan.WrittenOff.Select(w => (w.Penalty.Id, w.Amount)));
        Assert.Equal(0, plan.Refunded);
        Assert.Equal(80, plan.Amount);
        Assert.Equal(
            [JournalLine.Debit(FundAccounts.PenaltiesCharged, 80), JournalLine.Credit(LedgerAccount.IdFor("a", LedgerAccountKind.PenaltiesReceivable), 80)],
            plan.Lines);
    }

    [Fact]
    public void WhatWasAlreadyPaidIsOwedBackAsUnappliedReceipts()
    {
        var partlyPaid = Penalty(100, 70, ageDays: 3);

        var plan = PenaltyCredit.Plan("a", 50, [partlyPaid]);

        Assert.Equal([(partlyPaid.Id, 30L)], plan.WrittenOff.Select(w => (w.Penalty.Id, w.Amount)));
        Assert.Equal(20, plan.Refunded);
        Assert.Equal(
            [
                JournalLine.Debit(FundAccounts.PenaltiesCharged, 30), JournalLine.Credit(LedgerAccount.IdFor("a", LedgerAccountKind.PenaltiesReceivable), 30),
                JournalLine.Debit(FundAccounts.PenaltyIncome, 20), JournalLine.Credit(FundAccounts.UnappliedReceipts, 20),
            ],
            plan.Lines);
    }

    [Fact]
    public void PenaltiesPaidInFullAreNotWrittenOffAndTheWholeCreditIsRefunded()
    {
        var paid = Penalty(40, 40, ageDays: 1);

        var plan = PenaltyCredit.Plan("a", 25, [paid]);

        Assert.Empty(plan.WrittenOff);
        Assert.Equal(25, plan.Refunded);
        Assert.Equal([JournalLine.Debit(FundAccounts.PenaltyIncome, 25), JournalLine.Credit(FundAccounts.UnappliedReceipts, 25)], plan.Lines);
    }

    [Fact]
    public void ACreditUsedUpStopsBeforeTheOlderPenalties()
    {
        var oldest = Penalty(100, 0, ageDays: 30);
        var newest = Penalty(100, 0, ageDays: 1);

        var plan = PenaltyCredit.Plan("a", 100, [oldest, newest]);

        Assert.Equal([(newest.Id, 100L)], plan.WrittenOff.Select(w => (w.Penalty.Id, w.Amount)));
        Assert.Equal(0, plan.Refunded);
    }

    [Fact]
    public void ANewerPenaltyPaidInFullDoesNotStopTheCreditReachingOlderOnes()
    {
        var older = Penalty(100, 0, ageDays: 10);
        var newerPaid = Penalty(50, 50, ageDays: 1);

        var plan = PenaltyCredit.Plan("a", 30, [older, newerPaid]);

        Assert.Equal([(older.Id, 30L)], plan.WrittenOff.Select(w => (w.Penalty.Id, w.Amount)));
        Assert.Equal(0, plan.Refunded);
    }
}
