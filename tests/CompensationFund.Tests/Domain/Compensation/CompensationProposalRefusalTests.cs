using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Tests.Domain.Compensation;

/// <summary>
/// The proposal's refusals name the rule (the problem's title) and the numbers a coordinator can act on; a refusal is a
/// conflict (409) when the proposal's state stands in the way, not the request (422).
/// </summary>
public sealed class CompensationProposalRefusalTests
{
    private static readonly CompensationPolicy Policy = CompensationPolicy.V1;
    private static readonly Guid Id = new("5b0e9d4c-2a71-4f38-b6c5-0d1e2f3a4b5c");

    private static Approval By(string who) => new(who, "coordinator", DateTimeOffset.UnixEpoch);

    private static CompensationProposal Open(long proposed = 1_000) => new() { Id = Id, Proposed = proposed };

    /// <summary>Approved for 200.00 by alice and bob: 20.00 held back, both reservations made.</summary>
    private static CompensationProposal Approved()
    {
        var p = Open(30_000);
        p.Approve(By("alice"), 20_000, 2, Policy);
        p.Approve(By("bob"), null, 2, Policy);
        p.MainReservation = Guid.NewGuid();
        p.HoldBackReservation = Guid.NewGuid();
        return p;
    }

    [Fact]
    public void AnAmountBeyondTheProposalIsABadRequest()
    {
        var refused = Assert.Throws<FundRuleException>(() => Open().Approve(By("alice"), 1_001, 2, Policy));

        Assert.Equal(("Amount out of range", false), (refused.Title, refused.IsConflict));
        Assert.Equal("The approved amount is more than zero and at most the proposed 10.00.", refused.Message);
    }

    [Fact]
    public void TheWholeProposalAndTheSmallestAmountCanBeApproved()
    {
        Assert.True(Open().Approve(By("alice"), 1_000, 1, Policy));
        Assert.True(Open().Approve(By("alice"), 1, 1, Policy));
    }

    [Fact]
    public void ASecondApproverOfAnotherAmountNamesTheEarlierOne()
    {
        var proposal = Open();
        proposal.Approve(By("alice"), 800, 2, Policy);

        var refused = Assert.Throws<FundRuleException>(() => proposal.Approve(By("bob"), 900, 2, Policy));

        Assert.Equal(("Approvals differ", true), (refused.Title, refused.IsConflict));
        Assert.Contains("An earlier approval was for 8.00", refused.Message, StringComparison.Ordinal);
        Assert.Equal(800, proposal.Approved);
    }

    [Fact]
    public void TheSamePersonApprovingTwiceIsAskedForAnotherMember()
    {
        var proposal = Open();
        proposal.Approve(By("alice"), 800, 2, Policy);

        var refused = Assert.Throws<FundRuleException>(() => proposal.Approve(By("alice"), null, 2, Policy));

        Assert.Equal(("Already approved", true), (refused.Title, refused.IsConflict));
        Assert.StartsWith($"alice already approved proposal {Id}", refused.Message, StringComparison.Ordinal);
        Assert.Single(proposal.Approvals);
    }

    [Fact]
    public void UntilTheQuorumIsCompleteNothingIsHeldBack()
    {
        var proposal = Open();

        Assert.False(proposal.Approve(By("alice"), 1_000, 3, Policy));
        Assert.False(proposal.Approve(By("bob"), 1_000, 3, Policy));
        Assert.Equal((ProposalStatus.Proposed, 0L), (proposal.Status, proposal.HoldBack));
        Assert.True(proposal.Approve(By("carol"), 1_000, 3, Policy));
        Assert.Equal((ProposalStatus.Approved, 100L), (proposal.Status, proposal.HoldBack));
    }

    [Fact]
    public void AnApprovedOrRejectedProposalIsNoLongerOpen()
    {
        var approved = Approved();
        var refused = Assert.Throws<FundRuleException>(() => approved.Approve(By("carol"), null, 2, Policy));
        Assert.Equal(("Not open for approval", true), (refused.Title, refused.IsConflict));
        Assert.Equal($"Proposal {Id} is approved.", refused.Message);
        Assert.Throws<FundRuleException>(() => approved.Reject(By("carol")));
        Assert.Empty(approved.Rejections);

        var rejected = Open();
        rejected.Reject(By("alice"));
        Assert.Equal($"Proposal {Id} is rejected.", Assert.Throws<FundRuleException>(() => rejected.Approve(By("bob"), null, 1, Policy)).Message);
    }

    [Fact]
    public void OnlyFullyApprovedCompensationIsDisbursedReleasedOrClawedBack()
    {
        var proposal = Open();

        var disburse = Assert.Throws<FundRuleException>(() => proposal.Disburse());
        var release = Assert.Throws<FundRuleException>(() => proposal.AgreeToRelease(By("alice"), 1));
        var clawback = Assert.Throws<FundRuleException>(() => proposal.AgreeToClawBack(By("alice"), 1, "x", 1));

        Assert.All([disburse, release, clawback], r => Assert.Equal(("Not approved", true), (r.Title, r.IsConflict)));
        Assert.Equal($"Proposal {Id} is proposed; only fully approved compensation is disbursed.", disburse.Message);
        Assert.EndsWith("only fully approved compensation is released.", release.Message, StringComparison.Ordinal);
        Assert.EndsWith("only fully approved compensation is clawed back.", clawback.Message, StringComparison.Ordinal);
        Assert.Null(proposal.PendingRelease);
    }

    [Fact]
    public void ARejectedProposalIsNeverPaid()
    {
        var proposal = Open();
        proposal.Reject(By("alice"));
        proposal.MainPosted(500);

        Assert.Equal("Not approved", Assert.Throws<FundRuleException>(() => proposal.Disburse()).Title);
        Assert.Equal(0, proposal.Paid);
    }

    [Fact]
    public void WhenEverythingPayableIsPaidThereIsNothingToPay()
    {
        var proposal = Approved();

        var refused = Assert.Throws<FundRuleException>(() => proposal.Disburse());

        Assert.Equal(("Nothing to pay", true), (refused.Title, refused.IsConflict));
        Assert.Equal($"Everything payable on proposal {Id} is paid.", refused.Message);
        Assert.Equal(ProposalStatus.Approved, proposal.Status);
    }

    [Fact]
    public void EachDisbursementPaysWhatWasPostedSinceTheLast()
    {
        var proposal = Approved();
        proposal.MainPosted(10_000);
        proposal.MainPosted(8_000);

        Assert.Equal(18_000, proposal.Disburse());
        proposal.MainPosted(500);
        Assert.Equal(500, proposal.Disburse());
        Assert.Equal((18_500L, 18_500L), (proposal.Payable, proposal.Paid));
    }

    [Fact]
    public void WithoutAHoldBackReservationThereIsNoHoldBackToRelease()
    {
        var proposal = Approved();
        proposal.HoldBackReservation = null;

        var refused = Assert.Throws<FundRuleException>(() => proposal.AgreeToRelease(By("alice"), 1));

        Assert.Equal(("No hold-back", true), (refused.Title, refused.IsConflict));
        Assert.Equal($"Proposal {Id} has no hold-back pending.", refused.Message);
        Assert.Equal((0L, 0L), (proposal.HoldBackPending, proposal.Clawable));
    }

    [Fact]
    public void AHoldBackClawedBackInFullCannotBeReleased()
    {
        var proposal = Approved();
        proposal.AgreeToClawBack(By("alice"), 2_000, "overstated", 1);

        Assert.Equal("No hold-back", Assert.Throws<FundRuleException>(() => proposal.AgreeToRelease(By("bob"), 1)).Title);
        Assert.Equal(0, proposal.Payable);
    }

    [Fact]
    public void AReleaseWaitingForItsQuorumIsForTheHoldBackStillPending()
    {
        var proposal = Approved();

        proposal.AgreeToRelease(By("alice"), 2);

        Assert.Equal((ApprovalQuorum.Release, 2_000L), (proposal.PendingRelease!.Action, proposal.PendingRelease.Amount));
        Assert.Equal((false, 2_000L), (proposal.HoldBackReleased, proposal.HoldBackPending));
        Assert.Empty(proposal.Decisions);
    }

    [Fact]
    public void AClawbackBeyondWhatIsHeldBackOrPaidNamesEachPart()
    {
        var proposal = Approved();
        proposal.MainPosted(18_000);
        proposal.Disburse();
        proposal.AgreeToClawBack(By("alice"), 3_000, "x", 1);

        var refused = Assert.Throws<FundRuleException>(() => proposal.AgreeToClawBack(By("alice"), 17_001, "x", 1));

        Assert.Equal(("Amount out of range", false), (refused.Title, refused.IsConflict));
        Assert.Equal(
            $"A clawback takes only what is still held back or was actually paid: at most 170.00 of proposal {Id} (held back 0.00, paid 180.00, clawed back from payments 10.00).",
            refused.Message);
    }

    [Fact]
    public void EverythingClawableCanBeClawedBackOfAPaidProposal()
    {
        var proposal = Approved();
        proposal.MainPosted(18_000);
        proposal.Disburse();

        var plan = proposal.AgreeToClawBack(By("alice"), 20_000, "fraud", 1);

        Assert.Equal(new ClawbackPlan(2_000, 18_000, 0), plan);
        Assert.Equal((20_000L, 2_000L, 18_000L, 0L), (proposal.ClawedBack, proposal.HoldBackClawed, proposal.ClawedFromPaid, proposal.Clawable));
        Assert.Throws<FundRuleException>(() => proposal.AgreeToClawBack(By("bob"), 1, "again", 1));
    }

    [Fact]
    public void AClawbackWaitingForItsQuorumKeepsItsAmountAndReason()
    {
        var proposal = Approved();

        Assert.Null(proposal.AgreeToClawBack(By("alice"), 700, "overstated", 2));

        Assert.Equal((ApprovalQuorum.Clawback, 700L, "overstated"), (proposal.PendingClawback!.Action, proposal.PendingClawback.Amount, proposal.PendingClawback.Reason));
        Assert.Equal((0L, 2_000L), (proposal.HoldBackClawed, proposal.HoldBackPending));
    }

    [Fact]
    public void DecisionsAreKeptInTheOrderTheyTookEffect()
    {
        var proposal = Approved();

        proposal.AgreeToClawBack(By("alice"), 500, "overstated", 1);
        proposal.AgreeToRelease(By("bob"), 1);

        Assert.Equal([ApprovalQuorum.Clawback, ApprovalQuorum.Release], proposal.Decisions.Select(d => d.Action));
        Assert.Equal([500L, 1_500L], proposal.Decisions.Select(d => d.Amount));
        Assert.Equal((0L, 1_500L), (proposal.HoldBackPending, proposal.Payable));
    }

    [Fact]
    public void AProposalIsNamedByItsAllocationAndCity()
    {
        var allocation = Guid.NewGuid();

        Assert.Equal(EntryIds.ForReference($"compensation:{allocation}:hangzhou"), CompensationProposal.IdFor(allocation, "hangzhou"));
        Assert.NotEqual(CompensationProposal.IdFor(allocation, "hangzhou"), CompensationProposal.IdFor(allocation, "huzhou"));
    }
}
