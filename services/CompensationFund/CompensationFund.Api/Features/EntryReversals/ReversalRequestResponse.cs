using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Api.Features.EntryReversals;

/// <summary>Proposes reversing a domain entry, with why; dated <c>valueDate</c> (in an open period) or the day the quorum completes.</summary>
public sealed record ReversalProposal(string? Reason, DateOnly? ValueDate);

/// <summary>One more person agrees, optionally saying why.</summary>
public sealed record ReversalApproval(string? Note);

/// <summary>One person refuses the reversal, saying why; the request is closed.</summary>
public sealed record ReversalRejection(string? Reason);

/// <summary>
/// A request to reverse a domain entry as it stands: what it would reverse (the entry, its kind, its amount), how many
/// people must agree, who did (<c>approvals</c>) and who refused (<c>rejections</c>, never counted as agreement), every
/// step in order (<c>history</c>: who, role, when, note) and, once reversed, the reversal entry.
/// </summary>
public sealed record ReversalRequestResponse(
    Guid Id,
    Guid EntryId,
    string EntryKind,
    string Status,
    string Reason,
    DateOnly? ValueDate,
    decimal Amount,
    int Required,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    IReadOnlyList<Approval> Approvals,
    IReadOnlyList<Approval> Rejections,
    IReadOnlyList<ReversalStep> History,
    Guid? ReversalEntryId,
    DateTimeOffset? DecidedAt)
{
    public static ReversalRequestResponse From(EntryReversalRequest r) => new(
        r.Id, r.EntryId, r.EntryKind, r.Status.ToString().ToLowerInvariant(), r.Reason, r.ValueDate, Fen.ToYuan(r.Quorum.Amount), r.Required, r.RequestedBy,
        r.RequestedAt, r.Quorum.Approvals, r.Rejections, r.History, r.ReversalEntryId, r.DecidedAt);
}
