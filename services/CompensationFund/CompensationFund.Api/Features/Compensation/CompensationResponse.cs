using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Api.Features.Compensation;

/// <summary>A proposal with its explanation (policy, inputs, each step, the shortfall) and what became of it.</summary>
public sealed record CompensationResponse(
    Guid Id, Guid AllocationId, Guid IncidentId, string CityId, string Policy, int PolicyVersion, decimal Burden, string Tier, string? Grade,
    decimal Computed, decimal Proposed, decimal Shortfall, IReadOnlyList<string> Explanation, string Status, IReadOnlyList<Approval> Approvals,
    decimal Approved, decimal HoldBack, bool HoldBackReleased, Guid? MainReservation, Guid? HoldBackReservation, decimal Payable, decimal Paid, decimal ClawedBack,
    IReadOnlyList<Approval> Rejections, decimal HoldBackPending, decimal Clawable, QuorumResponse? PendingRelease, QuorumResponse? PendingClawback, IReadOnlyList<QuorumResponse> Decisions)
{
    public static CompensationResponse From(CompensationProposal p) => new(
        p.Id, p.AllocationId, p.IncidentId, p.CityId, p.Policy, p.PolicyVersion, Fen.ToYuan(p.Burden), p.Tier, p.Grade, Fen.ToYuan(p.Computed), Fen.ToYuan(p.Proposed),
        Fen.ToYuan(p.Shortfall), p.Explanation, p.Status.ToString().ToLowerInvariant(), p.Approvals, Fen.ToYuan(p.Approved), Fen.ToYuan(p.HoldBack), p.HoldBackReleased,
        p.MainReservation, p.HoldBackReservation, Fen.ToYuan(p.Payable), Fen.ToYuan(p.Paid), Fen.ToYuan(p.ClawedBack),
        p.Rejections, Fen.ToYuan(p.HoldBackPending), Fen.ToYuan(p.Clawable), QuorumResponse.From(p.PendingRelease), QuorumResponse.From(p.PendingClawback), [.. p.Decisions.Select(d => QuorumResponse.From(d)!)]);
}

/// <summary>A release or clawback: waiting for its quorum, or decided, with who agreed.</summary>
public sealed record QuorumResponse(string Action, decimal Amount, string? Reason, IReadOnlyList<Approval> Approvals)
{
    public static QuorumResponse? From(QuorumRequest? r) => r is null ? null : new(r.Action, Fen.ToYuan(r.Amount), r.Reason, r.Approvals);
}

public sealed record ApprovalRequest(decimal? Amount, string? Note);

public sealed record ReasonRequest(string? Reason);

public sealed record ClawbackRequest(decimal? Amount, string? Reason);
