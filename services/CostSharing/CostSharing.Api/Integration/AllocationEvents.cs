using CostSharing.Api.Domain.Incidents;
using Platform.Contracts.CostSharing;

namespace CostSharing.Api.Integration;

/// <summary>What the fund, trust and evaluation need of an allocation: shares, net positions, instructions, due dates.</summary>
internal static class AllocationEvents
{
    public static AllocationFinalized ToFinalized(this Allocation a) => new(
        a.Id, a.IncidentId, a.AgreementId, a.AgreementVersion, a.Category, a.Rule, a.Currency, a.NetEligibleCost,
        a.Lines.Select(l => new AllocationShare(l.CityId, l.Side, l.FairShare, l.ApprovedSpend, l.NetPosition)).ToList(),
        a.Instructions.Select(ToContract).ToList(),
        a.Supersedes,
        a.FinalizedAt);

    /// <summary>Only the differences: the fund settles these, never the whole amounts again.</summary>
    public static AllocationSuperseded ToSuperseded(this Allocation correction) => new(
        correction.Supersedes!.Value, correction.Id, correction.IncidentId, correction.Currency,
        correction.Differences.Select(d => new AllocationDifference(d.CityId, d.FairShareChange, d.NetPositionChange)).ToList(),
        correction.AdjustmentInstructions.Select(ToContract).ToList(),
        correction.Reason!,
        correction.FinalizedAt);

    private static SettlementInstruction ToContract(SettlementInstructionLine i) => new(i.CityId, i.Direction, i.Amount, i.DueDate);
}
