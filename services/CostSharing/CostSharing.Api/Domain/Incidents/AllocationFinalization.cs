using CostSharing.Api.Domain.Allocation;

namespace CostSharing.Api.Domain.Incidents;

/// <summary>Turns a draft into the immutable allocation: first finalization, or a correction that supersedes the one in force.</summary>
public static class AllocationFinalization
{
    public static Allocation Finalize(Guid incidentId, AllocationDraft draft, int dueDays, DateTimeOffset now, string by) =>
        New(incidentId, draft, now, by, DueDate(now, dueDays));

    /// <summary>Settlement terms count days from the UTC date of finalization.</summary>
    public static DateOnly DueDate(DateTimeOffset now, int dueDays) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(dueDays);

    /// <summary>
    /// The correction carries only the cities whose amounts moved, and settles only those moves; its full
    /// <see cref="Allocation.Instructions"/> are for reference, the fund acts on the adjustment instructions.
    /// </summary>
    public static Allocation Correct(Allocation current, AllocationDraft draft, int dueDays, string reason, DateTimeOffset now, string by)
    {
        var before = current.Lines.Select(l => new NetPosition(l.CityId, RuleNames.Sides[l.Side], Fen.FromYuan(l.FairShare), Fen.FromYuan(l.ApprovedSpend))).ToList();
        var changes = NetPositions.Changes(before, draft.Positions);
        if (changes.Count == 0)
        {
            throw new RuleViolationException("Nothing to correct", "The allocation computed from the current claims and inputs equals the one in force; there are no differences to settle.", conflict: true);
        }

        var due = DueDate(now, dueDays);
        var allocation = New(current.IncidentId, draft, now, by, due);
        allocation.Supersedes = current.Id;
        allocation.Reason = reason;
        allocation.Differences = changes.Select(c => new DifferenceLine(c.CityId, Fen.ToYuan(c.FairShareChangeFen), Fen.ToYuan(c.NetChangeFen))).ToList();
        allocation.AdjustmentInstructions = NetPositions.Orders(changes.Select(c => (c.CityId, c.NetChangeFen)), due).Select(AllocationDraft.ToLine).ToList();
        return allocation;
    }

    private static Allocation New(Guid incidentId, AllocationDraft draft, DateTimeOffset now, string by, DateOnly due) => new()
    {
        Id = Guid.CreateVersion7(now),
        IncidentId = incidentId,
        AgreementId = draft.Basis.AgreementId,
        AgreementVersion = draft.Basis.AgreementVersion,
        Category = draft.Basis.Category,
        Rule = RuleNames.Describe(draft.Basis.Rule),
        Currency = draft.Basis.Currency,
        NetEligibleCost = Fen.ToYuan(draft.NetEligibleFen),
        Lines = [.. draft.Lines()],
        Instructions = [.. draft.Instructions(due)],
        Explanation = draft.Explanation,
        FinalizedAt = now,
        FinalizedBy = by,
    };
}
