using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Tests.Domain.Governance;

/// <summary>An action waiting for its quorum refuses a different amount or a second word from the same person, and says so.</summary>
public sealed class QuorumRequestTests
{
    private static Approval By(string who) => new(who, "coordinator", DateTimeOffset.UnixEpoch);

    [Fact]
    public void TheActionsAreNamedAsTheAgreementConfiguresThem() =>
        Assert.Equal(["approve", "release", "clawback", "limit-change", "domain-reversal"], ApprovalQuorum.Actions);

    [Fact]
    public void AnotherAmountIsAnotherRequest()
    {
        var request = new QuorumRequest { Action = ApprovalQuorum.Clawback, Amount = 500 };
        request.Agree(By("alice"), 500, 2, "proposal P");

        var refused = Assert.Throws<FundRuleException>(() => request.Agree(By("bob"), 600, 2, "proposal P"));

        Assert.Equal(("Approvals differ", true), (refused.Title, refused.IsConflict));
        Assert.Equal("A clawback of 5.00 on proposal P awaits approval; every approver agrees to the same amount.", refused.Message);
        Assert.Single(request.Approvals);
    }

    [Fact]
    public void OnePersonAgreesOnce()
    {
        var request = new QuorumRequest { Action = ApprovalQuorum.Release, Amount = 500 };
        request.Agree(By("alice"), 500, 2, "proposal P");

        var refused = Assert.Throws<FundRuleException>(() => request.Agree(By("alice"), 500, 2, "proposal P"));

        Assert.Equal(("Already approved", true), (refused.Title, refused.IsConflict));
        Assert.Equal("alice already agreed to this release on proposal P; another person must agree.", refused.Message);
    }

    [Fact]
    public void TheQuorumIsCompleteAtTheRequiredNumberOfPeople()
    {
        var request = new QuorumRequest { Action = ApprovalQuorum.Release, Amount = 1 };

        Assert.False(request.Agree(By("alice"), 1, 3, "s"));
        Assert.False(request.Agree(By("bob"), 1, 3, "s"));
        Assert.True(request.Agree(By("carol"), 1, 3, "s"));
        Assert.Equal(["alice", "bob", "carol"], request.Approvals.Select(a => a.By));
    }

    [Fact]
    public void ALimitChangeAwaitingApprovalNamesTheLimitsAskedFor()
    {
        var pending = new PendingLimitChange { Id = "fund:pool", Floor = -10_000 };
        pending.Agree(By("alice"), new AccountLimit(-10_000, null), 2);

        var other = Assert.Throws<FundRuleException>(() => pending.Agree(By("bob"), new AccountLimit(-10_000, 500), 2));
        var again = Assert.Throws<FundRuleException>(() => pending.Agree(By("alice"), new AccountLimit(-10_000, null), 2));

        Assert.Equal(("Approvals differ", true), (other.Title, other.IsConflict));
        Assert.Equal("Another limit change on 'fund:pool' awaits approval (floor -100.00, ceiling none); every approver asks for the same limits.", other.Message);
        Assert.Equal(("Already approved", true), (again.Title, again.IsConflict));
        Assert.Equal("alice already asked for this change on 'fund:pool'; another person must agree.", again.Message);
        Assert.Equal("limit-change", PendingLimitChange.Action);
    }
}
