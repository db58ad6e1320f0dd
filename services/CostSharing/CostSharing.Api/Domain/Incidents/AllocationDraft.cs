using CostSharing.Api.Domain.Allocation;
using Platform.Contracts.CostSharing;

namespace CostSharing.Api.Domain.Incidents;

/// <summary>One city's claim figures as the allocation sees them (yuan).</summary>
public sealed record ClaimFigures(string CityId, decimal Claimed, decimal Approved, decimal InsuranceAndSubsidies, decimal ApprovedSpend);

/// <summary>Which agreement, version, category and rule an allocation applies.</summary>
public sealed record AllocationBasis(string AgreementId, int AgreementVersion, string Category, AllocationRule Rule, string Currency);

/// <summary>
/// A computed allocation that is not yet finalized: what a preview shows and what finalizing stores.
/// Net eligible cost = approved claims less insurance and subsidies (domain.md §4.2).
/// </summary>
public sealed record AllocationDraft(
    AllocationBasis Basis, long NetEligibleFen, AllocationOutcome Outcome, IReadOnlyList<NetPosition> Positions, AllocationExplanation Explanation)
{
    /// <param name="totalFen">The cost to split when it is not the sum of the approved spends (the calculator's "what if").</param>
    public static AllocationDraft Compute(AllocationBasis basis, IReadOnlyList<AllocationParty> parties, IReadOnlyList<ClaimFigures> claims, long? totalFen = null)
    {
        var spend = claims
            .GroupBy(c => c.CityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => Fen.FromYuan(c.ApprovedSpend)), StringComparer.Ordinal);
        var outsiders = spend.Keys.Where(id => parties.All(p => p.CityId != id)).ToList();
        if (outsiders.Count > 0)
        {
            throw new AllocationInputException($"Claims of cities that do not take part: {string.Join(", ", outsiders)}.");
        }

        var total = totalFen ?? spend.Values.Sum();
        var outcome = AllocationEngine.Allocate(basis.Rule, total, parties);
        var positions = NetPositions.Of(outcome, spend);
        return new AllocationDraft(basis, total, outcome, positions, Explain(basis, total, parties, claims, outcome));
    }

    public IReadOnlyList<AllocationLine> Lines() =>
        Positions.Select(p => new AllocationLine(p.CityId, RuleNames.Of(p.Side), Fen.ToYuan(p.FairShareFen), Fen.ToYuan(p.ApprovedSpendFen), Fen.ToYuan(p.NetFen))).ToList();

    public IReadOnlyList<SettlementInstructionLine> Instructions(DateOnly dueDate) =>
        NetPositions.Orders(Positions.Select(p => (p.CityId, p.NetFen)), dueDate).Select(ToLine).ToList();

    public static SettlementInstructionLine ToLine(SettlementOrder order) =>
        new(order.CityId, order.Direction == SettlementDirection.PayIn ? SettlementDirections.PayIn : SettlementDirections.PayOut, Fen.ToYuan(order.AmountFen), order.DueDate);

    private static AllocationExplanation Explain(
        AllocationBasis basis, long total, IReadOnlyList<AllocationParty> parties, IReadOnlyList<ClaimFigures> claims, AllocationOutcome outcome)
    {
        var byCity = claims.GroupBy(c => c.CityId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var inputs = parties.OrderBy(p => p.CityId, StringComparer.Ordinal).Select(p =>
        {
            var own = byCity.GetValueOrDefault(p.CityId) ?? [];
            return new ExplainedInput(
                p.CityId, RuleNames.Of(p.Side), own.Sum(c => c.Claimed), own.Sum(c => c.Approved), own.Sum(c => c.InsuranceAndSubsidies),
                own.Sum(c => c.ApprovedSpend), p.ContributionWeight, p.PopulationExposed, p.DamageAvoided, p.DeclaredExposure, p.StandAloneCost, p.SeparableCost);
        }).ToList();
        var steps = outcome.Steps
            .Select(s => new ExplainedStep(s.Name, s.Description, s.Amounts.Select(a => Amount(a.PartyId, a.Fen)).ToList()))
            .ToList();
        var rounding = new ExplainedRounding(
            RoundingRecord.Method,
            outcome.Rounding.Groups.Select(g => new ExplainedGroup(g.Group, g.Exact.ToString(), g.Fen)).ToList(),
            outcome.Rounding.Shares.Select(s => new ExplainedShare(
                s.PartyId, s.Group, s.Exact.ToString(), s.Floor, s.Remainder.ToString(), s.RemainderRank, s.ReceivedExtraFen, s.Fen)).ToList());
        return new AllocationExplanation(
            basis.AgreementId, basis.AgreementVersion, basis.Category, RuleNames.Describe(basis.Rule), basis.Currency, Fen.ToYuan(total), inputs, steps, rounding);
    }

    private static ExplainedAmount Amount(string id, Fraction fen) => new(id, (fen / Fraction.From(100)).ToDecimal(6), fen.ToString());
}
