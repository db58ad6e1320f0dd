using Platform.Contracts;

namespace CostSharing.Api.Domain.Incidents;

/// <summary>
/// A finalized allocation of an incident's net eligible cost (domain.md §4.2). Written once and never
/// changed: a correction is a new allocation that names the one it supersedes and the differences.
/// </summary>
public sealed class Allocation
{
    public Guid Id { get; set; }

    public Guid IncidentId { get; set; }

    public string AgreementId { get; set; } = string.Empty;

    public int AgreementVersion { get; set; }

    public string Category { get; set; } = string.Empty;

    public string Rule { get; set; } = string.Empty;

    public string Currency { get; set; } = Currencies.Cny;

    public decimal NetEligibleCost { get; set; }

    public List<AllocationLine> Lines { get; set; } = [];

    public List<SettlementInstructionLine> Instructions { get; set; } = [];

    public AllocationExplanation Explanation { get; set; } = null!;

    public Guid? Supersedes { get; set; }

    /// <summary>For a correction: new − old per city that changed, and what settles the change.</summary>
    public List<DifferenceLine> Differences { get; set; } = [];

    public List<SettlementInstructionLine> AdjustmentInstructions { get; set; } = [];

    public string? Reason { get; set; }

    public DateTimeOffset FinalizedAt { get; set; }

    public string FinalizedBy { get; set; } = string.Empty;
}

/// <summary>One city's fair share, approved spend and net position (share − spend; positive owes). Yuan.</summary>
public sealed record AllocationLine(string CityId, string Side, decimal FairShare, decimal ApprovedSpend, decimal NetPosition);

/// <summary>Pay-in or pay-out of one net amount through the clearing account by the due date.</summary>
public sealed record SettlementInstructionLine(string CityId, string Direction, decimal Amount, DateOnly DueDate);

public sealed record DifferenceLine(string CityId, decimal FairShareChange, decimal NetPositionChange);
