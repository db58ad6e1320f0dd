using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Tests.Domain.Compensation;

/// <summary>The proposal's lifecycle rules without I/O: quorum, rejection, disbursement, release, clawback.</summary>
public sealed class CompensationProposalTests
{
    private static readonly CompensationPolicy Policy = CompensationPolicy.V1;
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static Approval By(string who) => new(who, "coordinator", Now);

    /// <summary>Approved for 200.00 by alice and bob: 20.00 held back, both reservations made.</summary>
    private static CompensationProposal Approved()
    {
        var p = new CompensationProposal { Id = Guid.NewGuid(), Proposed = 30_000 };
        p.Approve(By("alice"), 20_000, 2, Policy);
        p.Approve(By("bob"), null, 2, Policy);
        p.MainReservation = Guid.NewGuid();
        p.HoldBackReservation = Guid.NewGuid();
        return p;
    }

    [Fact]
    public void ApprovalNeedsTheQuorumOfDistinctApproversForTheSameAmount()
    {
        var proposal = new CompensationProposal { Id = Guid.NewGuid(), Proposed = 1_000 };

        Assert.False(proposal.Approve(By("alice"), 800, 2, Policy));
        Assert.True(Assert.Throws<FundRuleException>(() => proposal.Approve(By("alice"), 800, 2, Policy)).IsConflict);
        Assert.True(Assert.Throws<FundRuleException>(() => proposal.Approve(By("bob"), 900, 2, Policy)).IsConflict);
        Assert.Equal(ProposalStatus.Proposed, proposal.Status);
        Assert.True(proposal.Approve(By("bob"), null, 2, Policy));
        Assert.Equal((ProposalStatus.Approved, 800L, 80L), (proposal.Status, proposal.Approved, proposal.HoldBack));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_001)]
    public void AnApprovedAmountIsPositiveAndAtMostTheProposal(long amount)
    {
        var proposal = new CompensationProposal { Id = Guid.NewGuid(), Proposed = 1_000 };

        Assert.False(Assert.Throws<FundRuleException>(() => proposal.Approve(By("alice"), amount, 2, Policy)).IsConflict);
        Assert.Empty(proposal.Approvals);
    }

    [Fact]
    public void AQuorumOfOneApprovesAtOnceAndTheWholeProposalByDefault()
    {
        var proposal = new CompensationProposal { Id = Guid.NewGuid(), Proposed = 1_000 };

        Assert.True(proposal.Approve(By("alice"), null, 1, Policy));
        Assert.Equal(1_000, proposal.Approved);
    }

    [Fact]
    public void ARejectionClosesTheProposalWithoutCountingAsAnApproval()
    {
        var proposal = new CompensationProposal { Id = Guid.NewGuid(), Proposed = 1_000 };
        proposal.Approve(By("alice"), 500, 2, Policy);

        proposal.Reject(By("bob"));

        Assert.Equal(ProposalStatus.Rejected, proposal.Status);
        Assert.Equal(["alice"], proposal.Approvals.Select(a => a.By));
        Assert.Equal(["bob"], proposal.Rejections.Select(a => a.By));
        Assert.Throws<FundRuleException>(() => proposal.Approve(By("carol"), 500, 2, Policy));
        Assert.Throws<FundRuleException>(() => proposal.Reject(By("carol")));
    }

    [Fact]
    public void DisbursementPaysWhatIsPostedAndOnlyOnce()
    {
        var proposal = Approved();
        Assert.Throws<FundRuleException>(() => proposal.Disburse());

        proposal.MainPosted(18_000);

        Assert.Equal(18_000, proposal.Disburse());
        Assert.Equal((ProposalStatus.Paid, 18_000L), (proposal.Status, proposal.Paid));
        Assert.True(Assert.Throws<FundRuleException>(() => proposal.Disburse()).IsConflict);
    }

    [Fact]
    public void NothingButAFullyApprovedProposalIsDisbursedReleasedOrClawedBack()
    {
        var proposal = new CompensationProposal { Id = Guid.NewGuid(), Proposed = 1_000 };
        proposal.Approve(By("alice"), 500, 2, Policy);

        Assert.Contains("only fully approved", Assert.Throws<FundRuleException>(() => proposal.Disburse()).Message, StringComparison.Ordinal);
        Assert.Throws<FundRuleException>(() => proposal.AgreeToRelease(By("bob"), 2));
        Assert.Throws<FundRuleException>(() => proposal.AgreeToClawBack(By("bob"), 10, "x", 2));
        Assert.Null(proposal.PendingClawback);
    }

    [Fact]
    public void TheHoldBackIsReleasedWhenTheQuorumAgrees()
    {
        var proposal = Approved();

        Assert.False(proposal.AgreeToRelease(By("alice"), 2));
        Assert.Equal(0, proposal.Payable);
        Assert.True(Assert.Throws<FundRuleException>(() => proposal.AgreeToRelease(By("alice"), 2)).IsConflict);
        Assert.True(proposal.AgreeToRelease(By("carol"), 2));

        Assert.Equal((2_000L, true, 0L), (proposal.Payable, proposal.HoldBackReleased, proposal.HoldBackPending));
        Assert.Null(proposal.PendingRelease);
        Assert.Equal(["alice", "carol"], Assert.Single(proposal.Decisions).Approvals.Select(a => a.By));
        Assert.True(Assert.Throws<FundRuleException>(() => proposal.AgreeToRelease(By("dave"), 2)).IsConflict);
    }

    [Fact]
    public void AReleaseAfterPaymentReopensTheProposalForTheNextDisbursement()
    {
        var proposal = Approved();
        proposal.MainPosted(18_000);
        proposal.Disburse();

        proposal.AgreeToRelease(By("alice"), 1);

        Assert.Equal(ProposalStatus.Approved, proposal.Status);
        Assert.Equal(2_000, proposal.Disburse());
    }

    [Fact]
    public void BeforePaymentOnlyTheHoldBackCanBeClawedBack()
    {
        var proposal = Approved();

        Assert.Equal(2_000, proposal.Clawable);
        var refused = Assert.Throws<FundRuleException>(() => proposal.AgreeToClawBack(By("alice"), 2_001, "x", 2));
        Assert.Contains("at most 20.00", refused.Message, StringComparison.Ordinal);
        Assert.Throws<FundRuleException>(() => proposal.AgreeToClawBack(By("alice"), 0, "x", 2));
    }

    [Fact]
    public void APartialClawbackTakesOnlyItsAmountFromTheHoldBack()
    {
        var proposal = Approved();

        Assert.Null(proposal.AgreeToClawBack(By("alice"), 500, "overstated", 2));
        Assert.Equal(0, proposal.ClawedBack);
        var plan = proposal.AgreeToClawBack(By("bob"), 500, "overstated", 2);

        Assert.Equal(new ClawbackPlan(500, 0, 1_500), plan);
        Assert.Equal((500L, 1_500L, 1_500L), (proposal.ClawedBack, proposal.HoldBackPending, proposal.Clawable));
        Assert.True(proposal.AgreeToRelease(By("alice"), 1));
        Assert.Equal(1_500, proposal.Payable);
    }

    [Fact]
    public void AClawbackBeyondTheHoldBackTakesFromWhatWasPaid()
    {
        var proposal = Approved();
        proposal.MainPosted(18_000);
        proposal.Disburse();

        proposal.AgreeToClawBack(By("alice"), 5_000, "fraud", 2);
        var plan = proposal.AgreeToClawBack(By("bob"), 5_000, "fraud", 2);

        Assert.Equal(new ClawbackPlan(2_000, 3_000, 0), plan);
        Assert.Equal((3_000L, 15_000L), (proposal.ClawedFromPaid, proposal.Clawable));
        Assert.Throws<FundRuleException>(() => proposal.AgreeToRelease(By("alice"), 1));
    }

    [Fact]
    public void ClawbackApproversAgreeToTheSameAmount()
    {
        var proposal = Approved();
        proposal.AgreeToClawBack(By("alice"), 500, "x", 2);

        Assert.True(Assert.Throws<FundRuleException>(() => proposal.AgreeToClawBack(By("bob"), 600, "x", 2)).IsConflict);
        Assert.True(Assert.Throws<FundRuleException>(() => proposal.AgreeToClawBack(By("alice"), 500, "x", 2)).IsConflict);
        Assert.Equal(["alice"], proposal.PendingClawback!.Approvals.Select(a => a.By));
    }
}
