using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Tests.Domain.Governance;

/// <summary>Quorums as data and the limit rules that need them.</summary>
public sealed class QuorumTests
{
    [Fact]
    public void TheAgreementSetsEachActionsQuorumAndTheDefaultIsFourEyes()
    {
        var quorum = new ApprovalQuorum(new Dictionary<string, int> { [ApprovalQuorum.Approve] = 3, [ApprovalQuorum.Release] = 0 });

        Assert.Equal(3, quorum.For(ApprovalQuorum.Approve));
        Assert.Equal(1, quorum.For(ApprovalQuorum.Release));
        Assert.Equal(2, quorum.For(ApprovalQuorum.Clawback));
        Assert.All(ApprovalQuorum.Actions, a => Assert.Equal(2, ApprovalQuorum.Default.For(a)));
    }

    [Theory]
    [InlineData(0L, null, -1L, null, true)]
    [InlineData(0L, null, null, null, true)]
    [InlineData(0L, null, 0L, null, false)]
    [InlineData(0L, null, 5L, null, false)]
    [InlineData(null, 100L, null, 101L, true)]
    [InlineData(null, 100L, null, null, true)]
    [InlineData(null, 100L, null, 99L, false)]
    [InlineData(null, null, 0L, 10L, false)]
    public void LiftingMeansLettingTheBalanceGoWhereItCouldNotBefore(long? floor, long? ceiling, long? nextFloor, long? nextCeiling, bool lifted) =>
        Assert.Equal(lifted, new AccountLimit(floor, ceiling).IsLiftedBy(new AccountLimit(nextFloor, nextCeiling)));

    [Fact]
    public void OnlyTheFundsOwnMoneyIsGuardedByTheQuorum()
    {
        Assert.True(LedgerAccountKind.Bank.GuardsTheFundsMoney());
        Assert.True(LedgerAccountKind.Pool.GuardsTheFundsMoney());
        Assert.True(LedgerAccountKind.ThirdPartyPool.GuardsTheFundsMoney());
        Assert.True(LedgerAccountKind.Earmarked.GuardsTheFundsMoney());
        Assert.False(LedgerAccountKind.DepositsHeld.GuardsTheFundsMoney());
        Assert.False(LedgerAccountKind.CompensationPayable.GuardsTheFundsMoney());
    }

    [Fact]
    public void ManualEntriesReachOnlyAccountsWithoutADomainRule()
    {
        var manual = Enum.GetValues<LedgerAccountKind>().Where(k => k.TakesManualEntries()).ToHashSet();

        Assert.Equal(
            [LedgerAccountKind.DepositsHeld, LedgerAccountKind.Bank, LedgerAccountKind.Pool, LedgerAccountKind.ThirdPartyPool, LedgerAccountKind.UnappliedReceipts, LedgerAccountKind.Income, LedgerAccountKind.Expense],
            Enum.GetValues<LedgerAccountKind>().Where(manual.Contains));
    }

    [Fact]
    public void APendingLimitChangeNeedsDistinctPeopleAskingForTheSameLimits()
    {
        var pending = new PendingLimitChange { Id = "fund:pool", Floor = -100 };
        var now = DateTimeOffset.UtcNow;

        Assert.False(pending.Agree(new Approval("alice", "finance", now), new AccountLimit(-100, null), 2));
        Assert.True(Assert.Throws<FundRuleException>(() => pending.Agree(new Approval("alice", "finance", now), new AccountLimit(-100, null), 2)).IsConflict);
        Assert.True(Assert.Throws<FundRuleException>(() => pending.Agree(new Approval("bob", "finance", now), new AccountLimit(-200, null), 2)).IsConflict);
        Assert.True(pending.Agree(new Approval("bob", "finance", now), new AccountLimit(-100, null), 2));
    }
}
