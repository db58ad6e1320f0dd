namespace CostSharing.Api.Domain.Allocation;

/// <summary>One party's exact (unrounded) share in fen, and the group it is rounded within.</summary>
public sealed record ExactShare(string PartyId, string Group, Fraction Fen);

/// <summary>
/// The largest-remainder (Hamilton) method in fen (domain.md §4.1): floor every exact share, then hand the
/// fen left over one each to the largest fractional parts; ties go to the larger share (the larger weight),
/// then to the smaller party id (ordinal). Never to whoever is listed first.
/// </summary>
/// <remarks>
/// Implementation note: shares may come in groups (origin side, affected side). The group totals are
/// rounded first, by the same method, and then each group's fen are rounded among its members; every
/// member still gets the floor or the ceiling of its own exact share (the group's floor sum ≤ its rounded
/// total ≤ its ceiling sum), so each share stays within 1 fen of exact and each side's total within 1 fen
/// of what the rule says that side pays (e.g. α of the cost). With one group this is the plain method.
/// </remarks>
public static class LargestRemainder
{
    /// <summary>Splits <paramref name="totalFen"/> by <paramref name="weights"/> (≥ 0, not all zero unless the total is zero).</summary>
    public static RoundingRecord Split(long totalFen, IReadOnlyList<(string PartyId, decimal Weight)> weights)
    {
        var sum = Fraction.Sum(weights.Select(w => Fraction.From(w.Weight)));
        if (weights.Any(w => w.Weight < 0))
        {
            throw new AllocationInputException("Weights must not be negative.");
        }

        if (sum.IsZero && totalFen != 0)
        {
            throw new AllocationInputException("The weights sum to zero, so there is nothing to split the amount by.");
        }

        var total = Fraction.From(totalFen);
        return Round(totalFen, weights
            .Select(w => new ExactShare(w.PartyId, "all", sum.IsZero ? Fraction.Zero : total * Fraction.From(w.Weight) / sum))
            .ToList());
    }

    /// <summary>
    /// Rounds exact shares that sum to <paramref name="totalFen"/>; <paramref name="groupOrder"/> breaks a tie
    /// between equal groups (earlier first), e.g. the origin side before the affected side.
    /// </summary>
    public static RoundingRecord Round(long totalFen, IReadOnlyList<ExactShare> shares, IReadOnlyList<string>? groupOrder = null)
    {
        if (shares.Select(s => s.PartyId).Distinct(StringComparer.Ordinal).Count() != shares.Count)
        {
            throw new ArgumentException("Each party may appear once.", nameof(shares));
        }

        if (Fraction.Sum(shares.Select(s => s.Fen)) != Fraction.From(totalFen) || shares.Any(s => s.Fen.Sign < 0))
        {
            throw new ArgumentException($"Exact shares must be non-negative and sum to the total of {totalFen} fen.", nameof(shares));
        }

        var groups = shares.GroupBy(s => s.Group, StringComparer.Ordinal)
            .Select(g => new Quota(g.Key, Fraction.Sum(g.Select(s => s.Fen)), Priority(groupOrder ?? [], g.Key)))
            .ToList();
        var groupFen = Apportion(totalFen, groups);

        var rounded = new List<RoundedShare>(shares.Count);
        foreach (var group in groups)
        {
            var members = shares.Where(s => s.Group == group.Id).Select(s => new Quota(s.PartyId, s.Fen, 0)).ToList();
            var fen = Apportion(groupFen[group.Id].Fen, members);
            rounded.AddRange(members.Select(m => fen[m.Id] with { Group = group.Id }));
        }

        return new RoundingRecord(
            totalFen,
            groups.Select(g => new GroupRounding(g.Id, g.Exact, groupFen[g.Id].Fen)).ToList(),
            rounded.OrderBy(r => r.PartyId, StringComparer.Ordinal).ToList());
    }

    private static Dictionary<string, RoundedShare> Apportion(long total, IReadOnlyList<Quota> quotas)
    {
        var floors = quotas.ToDictionary(q => q.Id, q => (long)q.Exact.Floor(), StringComparer.Ordinal);
        var leftOver = total - floors.Values.Sum();
        var ranked = quotas
            .Select(q => (Quota: q, Remainder: q.Exact.FractionalPart()))
            .Where(r => !r.Remainder.IsZero)
            .OrderByDescending(r => r.Remainder)
            .ThenByDescending(r => r.Quota.Exact)
            .ThenBy(r => r.Quota.Priority)
            .ThenBy(r => r.Quota.Id, StringComparer.Ordinal)
            .ToList();
        if (leftOver < 0 || leftOver > ranked.Count)
        {
            throw new InvalidOperationException($"Cannot round: {leftOver} fen left over for {ranked.Count} fractional shares.");
        }

        var result = quotas.ToDictionary(
            q => q.Id,
            q => new RoundedShare(q.Id, string.Empty, q.Exact, floors[q.Id], q.Exact.FractionalPart(), null, false, floors[q.Id]),
            StringComparer.Ordinal);
        for (var rank = 0; rank < ranked.Count; rank++)
        {
            var id = ranked[rank].Quota.Id;
            var extra = rank < leftOver;
            result[id] = result[id] with { RemainderRank = rank + 1, ReceivedExtraFen = extra, Fen = floors[id] + (extra ? 1 : 0) };
        }

        return result;
    }

    /// <summary>A group's place in the tie-break: its index in the order; groups the order does not name come after all it does.</summary>
    private static int Priority(IReadOnlyList<string> groupOrder, string group)
    {
        var index = groupOrder.ToList().IndexOf(group);
        return index < 0 ? int.MaxValue : index;
    }

    private sealed record Quota(string Id, Fraction Exact, int Priority);
}
