using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Api.Domain.Governance;

/// <summary>
/// An action waiting for its quorum: what was asked (amount in fen, reason) and who has agreed so far. Every
/// approver agrees to the same thing; a different amount is a different request and is refused until this one is
/// decided.
/// </summary>
public sealed class QuorumRequest
{
    public string Action { get; set; } = string.Empty;

    public long Amount { get; set; }

    public string? Reason { get; set; }

    public List<Approval> Approvals { get; set; } = [];

    /// <summary>Adds <paramref name="approval"/>; true when it completes the quorum of <paramref name="required"/> distinct people.</summary>
    public bool Agree(Approval approval, long amount, int required, string subject)
    {
        if (amount != Amount)
        {
            throw new FundRuleException(
                "Approvals differ", $"A {Action} of {Money.Fen.ToYuan(Amount)} on {subject} awaits approval; every approver agrees to the same amount.", conflict: true);
        }

        if (Approvals.Any(a => a.By == approval.By))
        {
            throw new FundRuleException("Already approved", $"{approval.By} already agreed to this {Action} on {subject}; another person must agree.", conflict: true);
        }

        Approvals.Add(approval);
        return Approvals.Count >= required;
    }
}
