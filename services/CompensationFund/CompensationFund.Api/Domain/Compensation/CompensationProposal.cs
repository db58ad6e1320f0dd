using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Api.Domain.Compensation;

public enum ProposalStatus
{
    Proposed,
    Approved,
    Rejected,
    Paid,
}

/// <summary>
/// Compensation proposed for one affected city after one finalized allocation, by a versioned policy, and what became of
/// it: approvals by the coordinating body (each member once), the reservations that hold the money in the pool (the main
/// part and the hold-back), what finance paid, what was clawed back. Amounts in fen.
/// </summary>
public sealed class CompensationProposal
{
    public Guid Id { get; set; }

    public Guid AllocationId { get; set; }

    public Guid IncidentId { get; set; }

    public string CityId { get; set; } = string.Empty;

    public string Policy { get; set; } = string.Empty;

    public int PolicyVersion { get; set; }

    public long Burden { get; set; }

    public string Tier { get; set; } = "M";

    public string? Grade { get; set; }

    public long Computed { get; set; }

    public long Proposed { get; set; }

    public long Shortfall { get; set; }

    public List<string> Explanation { get; set; } = [];

    public ProposalStatus Status { get; set; }

    public List<Approval> Approvals { get; set; } = [];

    public long Approved { get; set; }

    public long HoldBack { get; set; }

    public Guid? MainReservation { get; set; }

    public Guid? HoldBackReservation { get; set; }

    public bool HoldBackReleased { get; set; }

    /// <summary>Posted to the city's compensation payable (main part, released hold-back).</summary>
    public long Payable { get; set; }

    public long Paid { get; set; }

    public long ClawedBack { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    public static Guid IdFor(Guid allocationId, string cityId) => EntryIds.ForReference($"compensation:{allocationId}:{cityId}");

    /// <summary>Records an approval; true when it is the one that completes the approvals the policy requires.</summary>
    public bool Approve(Approval approval, long amount, int required)
    {
        if (Status != ProposalStatus.Proposed)
        {
            throw new FundRuleException("Not open for approval", $"Proposal {Id} is {Status.ToString().ToLowerInvariant()}.", conflict: true);
        }

        if (amount <= 0 || amount > Proposed)
        {
            throw new FundRuleException("Amount out of range", $"The approved amount is more than zero and at most the proposed {Money.Fen.ToYuan(Proposed)}.");
        }

        if (Approvals.Count > 0 && amount != Approved)
        {
            throw new FundRuleException("Approvals differ", $"An earlier approval was for {Money.Fen.ToYuan(Approved)}; every approver approves the same amount.", conflict: true);
        }

        if (Approvals.Any(a => a.By == approval.By))
        {
            throw new FundRuleException("Already approved", $"{approval.By} already approved proposal {Id}; another member of the coordinating body must approve.", conflict: true);
        }

        Approvals.Add(approval);
        Approved = amount;
        return Approvals.Count >= required;
    }

    public void Reject(Approval by)
    {
        if (Status != ProposalStatus.Proposed)
        {
            throw new FundRuleException("Not open for approval", $"Proposal {Id} is {Status.ToString().ToLowerInvariant()}.", conflict: true);
        }

        Approvals.Add(by);
        Status = ProposalStatus.Rejected;
    }
}
