using CostSharing.Api.Domain.Incidents;

namespace CostSharing.Api.Features.Allocations;

/// <summary>A finalized allocation: shares, net positions, settlement instructions, and its full explanation.</summary>
public sealed record AllocationResponse(
    Guid Id,
    Guid IncidentId,
    string AgreementId,
    int AgreementVersion,
    string Category,
    string Rule,
    string Currency,
    decimal NetEligibleCost,
    IReadOnlyList<AllocationLine> Lines,
    IReadOnlyList<SettlementInstructionLine> Instructions,
    Guid? Supersedes,
    string? Reason,
    IReadOnlyList<DifferenceLine> Differences,
    IReadOnlyList<SettlementInstructionLine> AdjustmentInstructions,
    bool InForce,
    DateTimeOffset FinalizedAt,
    string FinalizedBy,
    AllocationExplanation Explanation)
{
    public static AllocationResponse From(Allocation a, Guid? inForce) => new(
        a.Id, a.IncidentId, a.AgreementId, a.AgreementVersion, a.Category, a.Rule, a.Currency, a.NetEligibleCost, a.Lines, a.Instructions,
        a.Supersedes, a.Reason, a.Differences, a.AdjustmentInstructions, a.Id == inForce, a.FinalizedAt, a.FinalizedBy, a.Explanation);
}

/// <summary>What an allocation would be now (dry run): nothing is stored or published.</summary>
public sealed record AllocationPreviewResponse(
    Guid? IncidentId,
    string Rule,
    string Currency,
    decimal NetEligibleCost,
    int PendingClaims,
    IReadOnlyList<AllocationLine> Lines,
    IReadOnlyList<SettlementInstructionLine> Instructions,
    AllocationExplanation Explanation)
{
    public static AllocationPreviewResponse From(Guid? incidentId, AllocationDraft draft, int pendingClaims, DateOnly dueDate) => new(
        incidentId, draft.Explanation.Rule, draft.Basis.Currency, draft.Explanation.NetEligibleCost, pendingClaims, draft.Lines(), draft.Instructions(dueDate), draft.Explanation);
}
