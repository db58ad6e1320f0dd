namespace CostSharing.Api.Domain.Allocation;

/// <summary>
/// Shapley value for a shared preventive asset with nested needs (domain.md §4.2): each city's need level is
/// its stand-alone cost, the airport game gives each city its value, and the net eligible cost is split in
/// proportion to those values (when the asset cost exactly the largest need, the shares are the values).
/// </summary>
public static class ShapleyRule
{
    public static (IReadOnlyList<ExactShare> Shares, IReadOnlyList<ExplanationStep> Steps) Shares(long totalFen, IReadOnlyList<AllocationParty> parties)
    {
        var levels = parties.Select(p => (p.CityId, Level: p.StandAloneCost is { } level
            ? Fraction.From(Fen.FromYuan(level))
            : throw new AllocationInputException($"The Shapley rule needs {p.CityId}'s stand-alone cost (its need level)."))).ToList();
        var values = AirportGame.Shapley(levels);
        var gameCost = levels.Select(l => l.Level).DefaultIfEmpty(Fraction.Zero).Max();
        var total = Fraction.From(totalFen);
        if (gameCost.IsZero && !total.IsZero)
        {
            throw new AllocationInputException("Every stand-alone cost is zero, so the Shapley values cannot split the cost.");
        }

        var shares = parties.Select(p => new ExactShare(p.CityId, ProportionalRule.Group, gameCost.IsZero ? Fraction.Zero : total * values[p.CityId] / gameCost)).ToList();
        var steps = new List<ExplanationStep>
        {
            new("airport game", "Each increment of the need levels split equally among the cities needing at least that level (Shapley value).",
                parties.Select(p => new StepAmount(p.CityId, values[p.CityId])).ToList()),
        };
        if (total != gameCost)
        {
            steps.Add(new("scaled to the cost", $"The values sum to the largest need, {gameCost.ToDecimal(2) / 100m} yuan; scaled to the net eligible cost.",
                shares.Select(s => new StepAmount(s.PartyId, s.Fen)).ToList()));
        }

        return (shares, steps);
    }
}
