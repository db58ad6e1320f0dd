namespace CostSharing.Api.Domain.Allocation;

/// <summary>
/// "No city pays more than its benefit or stand-alone cost; excess is redistributed to the uncapped
/// cities (iteratively, exact sums kept)" (domain.md §4.2).
/// </summary>
/// <remarks>
/// Implementation note: each round fixes every city whose exact share exceeds its cap at the cap and
/// splits what is left among the others in proportion to the shares the rule gave them, until nobody is
/// over. Caps are whole fen, so a rounded share (floor or ceiling of an exact share at or below a whole
/// cap) can never exceed its cap. When the caps of everyone who could pay are below the cost the
/// allocation is impossible and refused rather than left short.
/// </remarks>
public static class Caps
{
    public static (IReadOnlyList<ExactShare> Shares, IReadOnlyList<ExplanationStep> Steps) Apply(
        long totalFen, IReadOnlyList<ExactShare> ruleShares, IReadOnlyDictionary<string, long> capsFen)
    {
        var capped = new Dictionary<string, long>(StringComparer.Ordinal);
        var steps = new List<ExplanationStep>();
        for (var round = 1; ; round++)
        {
            var remaining = Fraction.From(totalFen - capped.Values.Sum());
            var uncapped = ruleShares.Where(s => !capped.ContainsKey(s.PartyId)).ToList();
            var basis = Fraction.Sum(uncapped.Select(s => s.Fen));
            if (basis.IsZero && !remaining.IsZero)
            {
                throw new AllocationInputException(
                    $"The caps cannot cover the cost: {Fen.ToYuan(capped.Values.Sum())} yuan is the most the capped cities may pay " +
                    $"and no uncapped city has a share to take the remaining {remaining.ToDecimal(2) / 100m} yuan.");
            }

            var shares = uncapped.ToDictionary(s => s.PartyId, s => basis.IsZero ? Fraction.Zero : remaining * s.Fen / basis, StringComparer.Ordinal);
            var over = shares.Where(s => capsFen.TryGetValue(s.Key, out var cap) && s.Value > Fraction.From(cap)).Select(s => s.Key).ToList();
            if (over.Count == 0)
            {
                return (ruleShares.Select(s => s with { Fen = capped.TryGetValue(s.PartyId, out var cap) ? Fraction.From(cap) : shares[s.PartyId] }).ToList(), steps);
            }

            var excess = Fraction.Sum(over.Select(id => shares[id] - Fraction.From(capsFen[id])));
            foreach (var id in over)
            {
                capped[id] = capsFen[id];
            }

            steps.Add(new ExplanationStep(
                $"cap round {round}",
                $"{over.Count} cit{(over.Count == 1 ? "y" : "ies")} over the cap paid the cap; the excess of {excess.ToDecimal(4) / 100m} yuan " +
                "goes to the uncapped cities in proportion to their shares under the rule.",
                over.Order(StringComparer.Ordinal).Select(id => new StepAmount(id, Fraction.From(capsFen[id]))).ToList()));
        }
    }
}
