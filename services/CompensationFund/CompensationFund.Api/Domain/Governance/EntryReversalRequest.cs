using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Api.Domain.Governance;

public enum ReversalRequestStatus
{
    Pending,
    Reversed,
    Rejected,
}

/// <summary>One step of a reversal request: who (the token's subject), in which role, when, and what they said.</summary>
public sealed record ReversalStep(string Action, string By, string Role, DateTimeOffset At, string? Note);

/// <summary>
/// A request to reverse a domain entry (a settlement, compensation, contribution, earmark or penalty posting), which the
/// generic reversal refuses (separation of duties, docs/compensation-fund.md §15): it takes effect only once the
/// agreement's <see cref="ApprovalQuorum.DomainReversal"/> quorum of distinct people agreed, and the reversal entry is
/// posted by the agreement that completes it. The rules are in <c>EntryReversalRequest.Lifecycle.cs</c>.
/// </summary>
/// <remarks>
/// Implementation note: the agreements are a <see cref="QuorumRequest"/> over the entry's posted amount, the same
/// machinery as a compensation's release and clawback, so "distinct people, the same thing" is decided in one place. The
/// proposer's request is its agreement; a rejection is kept apart in <see cref="Rejections"/> and closes the request
/// without counting toward the quorum. The id is named by the entry and the number of requests before it, so two people
/// proposing at once for the same entry collide on one id instead of opening two requests.
/// </remarks>
public sealed partial class EntryReversalRequest
{
    public Guid Id { get; set; }

    public Guid EntryId { get; set; }

    public string EntryKind { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    /// <summary>The day the reversal is dated; null: the day the quorum completes.</summary>
    public DateOnly? ValueDate { get; set; }

    public ReversalRequestStatus Status { get; set; }

    public QuorumRequest Quorum { get; set; } = new();

    public int Required { get; set; }

    public List<Approval> Rejections { get; set; } = [];

    /// <summary>Every step in order: requested, approved, rejected, reversed.</summary>
    public List<ReversalStep> History { get; set; } = [];

    public Guid? ReversalEntryId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string RequestedBy => History.Count > 0 ? History[0].By : string.Empty;

    /// <summary>The id of the <paramref name="ordinal"/>-th request (0 the first) to reverse <paramref name="entryId"/>.</summary>
    public static Guid IdFor(Guid entryId, int ordinal) => EntryIds.ForReference($"domain-reversal:{entryId}:{ordinal}");

    /// <summary>The reversal entry's id: named by the request, so the request posts at most one.</summary>
    public Guid ReversalIdFor() => EntryIds.ForReference($"domain-reversal-entry:{Id}");
}
