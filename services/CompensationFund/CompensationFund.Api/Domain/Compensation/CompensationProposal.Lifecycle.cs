using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Api.Domain.Compensation;

/// <summary>What a completed clawback takes: first from the hold-back still reserved, then from what was paid.</summary>
public sealed record ClawbackPlan(long FromHoldBack, long FromPaid, long HoldBackLeft);

/// <summary>
/// The rules of a proposal's life (docs/compensation-fund.md §7): approval by a quorum of distinct people; a
/// rejection closes it without counting as an approval; disbursement pays what was posted to the payable; releases and
/// clawbacks need the same quorum as approval and act only on a fully approved proposal; a clawback takes only what is
/// still held back or was actually paid, and a partial one leaves the rest of the hold-back releasable.
/// </summary>
public sealed partial class CompensationProposal
{
    /// <summary>
    /// Records an approval of <paramref name="amount"/> (null: the amount already approved, or the proposed one); true when it
    /// completes the quorum, which sets the hold-back of the approved amount.
    /// </summary>
    public bool Approve(Approval approval, long? amount, int required, CompensationPolicy policy)
    {
        EnsureOpen();
        var approving = amount ?? (Approvals.Count > 0 ? Approved : Proposed);
        if (approving <= 0 || approving > Proposed)
        {
            throw new FundRuleException("Amount out of range", $"The approved amount is more than zero and at most the proposed {Fen.ToYuan(Proposed)}.");
        }

        if (Approvals.Count > 0 && approving != Approved)
        {
            throw new FundRuleException("Approvals differ", $"An earlier approval was for {Fen.ToYuan(Approved)}; every approver approves the same amount.", conflict: true);
        }

        if (Approvals.Any(a => a.By == approval.By))
        {
            throw new FundRuleException("Already approved", $"{approval.By} already approved proposal {Id}; another member of the coordinating body must approve.", conflict: true);
        }

        Approvals.Add(approval);
        Approved = approving;
        if (Approvals.Count < required)
        {
            return false;
        }

        Status = ProposalStatus.Approved;
        HoldBack = policy.HoldBack(Approved);
        return true;
    }

    /// <summary>Closes the proposal; the rejection is kept apart from the approvals and counts toward nothing.</summary>
    public void Reject(Approval by)
    {
        EnsureOpen();
        Rejections.Add(by);
        Status = ProposalStatus.Rejected;
    }

    /// <summary>The main reservation was posted to the city's payable (its amount in fen).</summary>
    public void MainPosted(long amount) => Payable += amount;

    /// <summary>Pays what is posted to the payable and not yet paid; returns that amount.</summary>
    public long Disburse()
    {
        EnsureFullyApproved("disbursed");
        var due = Payable - Paid;
        if (due <= 0)
        {
            throw new FundRuleException("Nothing to pay", $"Everything payable on proposal {Id} is paid.", conflict: true);
        }

        Paid += due;
        Status = ProposalStatus.Paid;
        return due;
    }

    /// <summary>Agrees to release the hold-back; true when the quorum is complete and the hold-back goes to the payable.</summary>
    public bool AgreeToRelease(Approval approval, int required)
    {
        EnsureFullyApproved("released");
        if (HoldBackPending <= 0)
        {
            throw new FundRuleException("No hold-back", $"Proposal {Id} has no hold-back pending.", conflict: true);
        }

        PendingRelease ??= new QuorumRequest { Action = ApprovalQuorum.Release, Amount = HoldBackPending };
        if (!PendingRelease.Agree(approval, HoldBackPending, required, $"proposal {Id}"))
        {
            return false;
        }

        Payable += HoldBackPending;
        HoldBackReleased = true;
        Status = ProposalStatus.Approved;
        Decisions.Add(PendingRelease);
        PendingRelease = null;
        return true;
    }

    /// <summary>Agrees to claw back <paramref name="amount"/>; the plan once the quorum is complete, null while it waits.</summary>
    public ClawbackPlan? AgreeToClawBack(Approval approval, long amount, string reason, int required)
    {
        EnsureFullyApproved("clawed back");
        if (amount <= 0 || amount > Clawable)
        {
            throw new FundRuleException(
                "Amount out of range",
                $"A clawback takes only what is still held back or was actually paid: at most {Fen.ToYuan(Clawable)} of proposal {Id} "
                + $"(held back {Fen.ToYuan(HoldBackPending)}, paid {Fen.ToYuan(Paid)}, clawed back from payments {Fen.ToYuan(ClawedFromPaid)}).");
        }

        PendingClawback ??= new QuorumRequest { Action = ApprovalQuorum.Clawback, Amount = amount, Reason = reason };
        if (!PendingClawback.Agree(approval, amount, required, $"proposal {Id}"))
        {
            return null;
        }

        var fromHoldBack = Math.Min(amount, HoldBackPending);
        var plan = new ClawbackPlan(fromHoldBack, amount - fromHoldBack, HoldBackPending - fromHoldBack);
        HoldBackClawed += plan.FromHoldBack;
        ClawedFromPaid += plan.FromPaid;
        ClawedBack += amount;
        Decisions.Add(PendingClawback);
        PendingClawback = null;
        return plan;
    }

    private void EnsureOpen()
    {
        if (Status != ProposalStatus.Proposed)
        {
            throw new FundRuleException("Not open for approval", $"Proposal {Id} is {Status.ToString().ToLowerInvariant()}.", conflict: true);
        }
    }

    private void EnsureFullyApproved(string verb)
    {
        if (!IsFullyApproved)
        {
            throw new FundRuleException(
                "Not approved", $"Proposal {Id} is {Status.ToString().ToLowerInvariant()}; only fully approved compensation is {verb}.", conflict: true);
        }
    }
}
