namespace CostSharing.Api.Domain.Allocation;

/// <summary>
/// The airport game (Littlechild &amp; Owen 1973): a shared asset built to the largest need costs the largest
/// level; a coalition costs the largest level among its members. Its Shapley value splits each cost
/// increment equally among everyone needing at least that level (domain.md §4.2: 8, 11, 13, 18 → 2, 3, 4, 9).
/// </summary>
public static class AirportGame
{
    /// <summary>
    /// The increments formula read literally, party by party: for every distinct level up to the party's own,
    /// the increment over the level below divided by how many parties need at least it. O(n²), exact.
    /// </summary>
    public static IReadOnlyDictionary<string, Fraction> ShapleyByIncrements(IReadOnlyList<(string PartyId, Fraction Level)> levels)
    {
        Validate(levels);
        var distinct = levels.Select(l => l.Level).Distinct().Order().ToList();
        return levels.ToDictionary(
            p => p.PartyId,
            p =>
            {
                var value = Fraction.Zero;
                var below = Fraction.Zero;
                foreach (var level in distinct.TakeWhile(l => l <= p.Level))
                {
                    value += (level - below) / Fraction.From(levels.Count(o => o.Level >= level));
                    below = level;
                }

                return value;
            },
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The same value by one sort and one sweep, O(n log n): after sorting, the k-th smallest level's increment
    /// is shared by the n − k parties from it upwards, and each party's value is the running sum.
    /// </summary>
    public static IReadOnlyDictionary<string, Fraction> Shapley(IReadOnlyList<(string PartyId, Fraction Level)> levels)
    {
        Validate(levels);
        var sorted = levels.OrderBy(l => l.Level).ToList();
        var values = new Dictionary<string, Fraction>(levels.Count, StringComparer.Ordinal);
        var running = Fraction.Zero;
        var below = Fraction.Zero;
        for (var k = 0; k < sorted.Count; k++)
        {
            running += (sorted[k].Level - below) / Fraction.From(sorted.Count - k);
            below = sorted[k].Level;
            values[sorted[k].PartyId] = running;
        }

        return values;
    }

    /// <summary>The cost of a coalition: the asset must meet its largest need.</summary>
    public static Fraction CoalitionCost(IReadOnlyList<(string PartyId, Fraction Level)> levels, long members)
    {
        var cost = Fraction.Zero;
        for (var i = 0; i < levels.Count; i++)
        {
            if ((members & (1L << i)) != 0 && levels[i].Level > cost)
            {
                cost = levels[i].Level;
            }
        }

        return cost;
    }

    private static void Validate(IReadOnlyList<(string PartyId, Fraction Level)> levels)
    {
        if (levels.Any(l => l.Level.Sign < 0))
        {
            throw new AllocationInputException("A need level (stand-alone cost) must not be negative.");
        }
    }
}
