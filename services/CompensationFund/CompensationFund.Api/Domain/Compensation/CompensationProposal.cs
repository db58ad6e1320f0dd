using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Domain.Ledger;
using Platform.Contracts.Trust;

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
/// it: approvals by the coordinating body (each person once), the reservations that hold the money in the pool (the main
/// part and the hold-back), what finance paid, what was clawed back. Amounts in fen. The rules are in
/// <c>CompensationProposal.Lifecycle.cs</c>.
/// </summary>
public sealed partial class CompensationProposal
{
    public Guid Id { get; set; }

    public Guid AllocationId { get; set; }

    public Guid IncidentId { get; set; }

    public string CityId { get; set; } = string.Empty;

    public string Policy { get; set; } = string.Empty;

    public int PolicyVersion { get; set; }

    public long Burden { get; set; }

    public string Tier { get; set; } = TrustTiers.Insufficient;

    public string? Grade { get; set; }

    public long Computed { get; set; }

    public long Proposed { get; set; }

    public long Shortfall { get; set; }

    public List<string> Explanation { get; set; } = [];

    public ProposalStatus Status { get; set; }

    /// <summary>Approvals of the amount only: they are what the entries' sources cite as the decision.</summary>
    public List<Approval> Approvals { get; set; } = [];

    /// <summary>A rejection is recorded apart: it never counts toward, or reads as, an approval.</summary>
    public List<Approval> Rejections { get; set; } = [];

    /// <summary>Hold-back releases and clawbacks, each with the people who agreed to it, in the order they took effect.</summary>
    public List<QuorumRequest> Decisions { get; set; } = [];

    public QuorumRequest? PendingRelease { get; set; }

    public QuorumRequest? PendingClawback { get; set; }

    public long Approved { get; set; }

    public long HoldBack { get; set; }

    public Guid? MainReservation { get; set; }

    public Guid? HoldBackReservation { get; set; }

    public bool HoldBackReleased { get; set; }

    /// <summary>Taken back from the hold-back before it was released (the pool keeps it).</summary>
    public long HoldBackClawed { get; set; }

    /// <summary>Taken back from what was paid (a receivable from the city).</summary>
    public long ClawedFromPaid { get; set; }

    /// <summary>Posted to the city's compensation payable (main part, released hold-back).</summary>
    public long Payable { get; set; }

    public long Paid { get; set; }

    public long ClawedBack { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    public static Guid IdFor(Guid allocationId, string cityId) => EntryIds.ForReference($"compensation:{allocationId}:{cityId}");

    /// <summary>The hold-back still reserved in the pool: neither released nor clawed back.</summary>
    public long HoldBackPending => HoldBackReleased || HoldBackReservation is null ? 0 : HoldBack - HoldBackClawed;

    /// <summary>What a clawback may take: the hold-back still reserved and what was actually paid and not yet clawed back.</summary>
    public long Clawable => HoldBackPending + Paid - ClawedFromPaid;

    public bool IsFullyApproved => Status is ProposalStatus.Approved or ProposalStatus.Paid;
}
