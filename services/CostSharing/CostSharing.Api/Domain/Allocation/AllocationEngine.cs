namespace CostSharing.Api.Domain.Allocation;

/// <summary>One city's rounded fair share, in fen.</summary>
public sealed record PartyShare(string CityId, Side Side, Fraction Exact, long Fen);

/// <summary>The outcome of an allocation with everything needed to explain it (domain.md §4.2).</summary>
public sealed record AllocationOutcome(
    AllocationRule Rule, long TotalFen, IReadOnlyList<PartyShare> Shares, IReadOnlyList<ExplanationStep> Steps, RoundingRecord Rounding);

/// <summary>
/// Splits a net eligible cost among the participants by an agreement's rule: exact shares by the rule, then
/// the caps (if any), then largest-remainder rounding in fen. Pure and deterministic: the same inputs in any
/// order give the same outcome.
/// </summary>
public static class AllocationEngine
{
    public static AllocationOutcome Allocate(AllocationRule rule, long totalFen, IReadOnlyList<AllocationParty> parties)
    {
        if (totalFen < 0)
        {
            throw new AllocationInputException("The net eligible cost must not be negative.");
        }

        if (parties.Count == 0)
        {
            throw new AllocationInputException("An allocation needs at least one participating city.");
        }

        if (parties.Select(p => p.CityId).Distinct(StringComparer.Ordinal).Count() != parties.Count)
        {
            throw new AllocationInputException("Each city may take part once.");
        }

        var ordered = parties.OrderBy(p => p.CityId, StringComparer.Ordinal).ToList();
        var (ruleShares, steps) = rule.Kind switch
        {
            RuleKind.OriginPrimary => OriginPrimaryRule.Shares(totalFen, rule.OriginShare, rule.Key, ordered),
            RuleKind.Proportional => ProportionalRule.Shares(totalFen, rule.Key, ordered),
            RuleKind.Scrb => ScrbRule.Shares(totalFen, ordered),
            RuleKind.Shapley => ShapleyRule.Shares(totalFen, ordered),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown rule."),
        };

        var exact = ruleShares;
        var allSteps = steps.ToList();
        if (rule.Cap != CapKind.None)
        {
            var caps = ordered
                .Where(p => p.CapValue(rule.Cap) is not null)
                .ToDictionary(p => p.CityId, p => Fen.FromYuan(p.CapValue(rule.Cap)!.Value), StringComparer.Ordinal);
            var (cappedShares, capSteps) = Caps.Apply(totalFen, ruleShares, caps);
            exact = cappedShares;
            allSteps.AddRange(capSteps);
        }

        var rounding = LargestRemainder.Round(totalFen, exact, [OriginPrimaryRule.OriginGroup, OriginPrimaryRule.AffectedGroup]);
        var fen = rounding.Shares.ToDictionary(s => s.PartyId, StringComparer.Ordinal);
        var shares = ordered.Select(p => new PartyShare(p.CityId, p.Side, fen[p.CityId].Exact, fen[p.CityId].Fen)).ToList();
        return new AllocationOutcome(rule, totalFen, shares, allSteps, rounding);
    }
}
