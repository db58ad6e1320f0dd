namespace Platform.Contracts.CostSharing;

/// <summary>
/// One city's result in an allocation: its fair share of the net eligible cost, what it actually spent
/// (approved claims, net of insurance and subsidies), and the net position = share − spent
/// (positive: the city owes the clearing account; negative: it is owed). Yuan, exact to the fen.
/// </summary>
public sealed record AllocationShare(string CityId, string Side, decimal FairShare, decimal ApprovedSpend, decimal NetPosition);

/// <summary>
/// What the fund's clearing account must do with one city: collect (<c>Direction = "pay-in"</c>) or pay out
/// (<c>"pay-out"</c>) one net amount by the due date.
/// </summary>
public sealed record SettlementInstruction(string CityId, string Direction, decimal Amount, DateOnly DueDate);

/// <summary>
/// The coordinating body finalized an incident's allocation (domain.md §4.2). Immutable: a correction is
/// a new allocation that supersedes this one (<paramref name="Supersedes"/>) and carries only the
/// differences in <see cref="AllocationSuperseded"/>.
/// </summary>
[IntegrationEvent("cost-sharing.allocation-finalized", 1)]
public sealed record AllocationFinalized(
    Guid AllocationId,
    Guid IncidentId,
    string AgreementId,
    int AgreementVersion,
    string Category,
    string Rule,
    string Currency,
    decimal NetEligibleCost,
    IReadOnlyList<AllocationShare> Shares,
    IReadOnlyList<SettlementInstruction> Instructions,
    Guid? Supersedes,
    DateTimeOffset FinalizedAt);

/// <summary>One city's change between a superseded allocation and its correction (new − old).</summary>
public sealed record AllocationDifference(string CityId, decimal FairShareChange, decimal NetPositionChange);

/// <summary>
/// A finalized allocation was corrected: the fund settles only <see cref="Differences"/>, never the whole
/// amounts again.
/// </summary>
[IntegrationEvent("cost-sharing.allocation-superseded", 1)]
public sealed record AllocationSuperseded(
    Guid SupersededAllocationId,
    Guid NewAllocationId,
    Guid IncidentId,
    string Currency,
    IReadOnlyList<AllocationDifference> Differences,
    IReadOnlyList<SettlementInstruction> AdjustmentInstructions,
    string Reason,
    DateTimeOffset SupersededAt);
