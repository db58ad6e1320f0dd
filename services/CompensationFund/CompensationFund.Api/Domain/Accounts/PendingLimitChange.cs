using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Api.Domain.Accounts;

/// <summary>A change that lifts a guarding floor, waiting for the quorum; every approver asks for the same limits.</summary>
public sealed class PendingLimitChange
{
    public string Id { get; set; } = string.Empty;

    public long? Floor { get; set; }

    public long? Ceiling { get; set; }

    public string? Reason { get; set; }

    public List<Approval> Approvals { get; set; } = [];

    /// <summary>Adds <paramref name="approval"/> for <paramref name="limit"/>; true when the quorum of <paramref name="required"/> is complete.</summary>
    public bool Agree(Approval approval, AccountLimit limit, int required)
    {
        if (limit.Floor != Floor || limit.Ceiling != Ceiling)
        {
            throw new FundRuleException(
                "Approvals differ",
                $"Another limit change on '{Id}' awaits approval (floor {Show(Floor)}, ceiling {Show(Ceiling)}); every approver asks for the same limits.", conflict: true);
        }

        if (Approvals.Any(a => a.By == approval.By))
        {
            throw new FundRuleException("Already approved", $"{approval.By} already asked for this change on '{Id}'; another person must agree.", conflict: true);
        }

        Approvals.Add(approval);
        return Approvals.Count >= required;
    }

    private static string Show(long? fen) => fen is { } f ? Money.Fen.ToYuan(f).ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";

    /// <summary>The action's name in the agreement's quorum.</summary>
    public const string Action = ApprovalQuorum.LimitChange;
}
