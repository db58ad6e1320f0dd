namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// Which waiting postings commit together: the oldest first, then every later one that shares no account and no entry
/// with those already taken, up to a maximum. What is left waits for the next group, in its order.
/// </summary>
/// <remarks>
/// Implementation note: postings that share nothing commute — the balances, the limit checks and the point-in-time walk
/// of each see exactly what they would see if it committed alone, before or after the others — so one transaction for the
/// group is equivalent to committing them one after another in any order. Two postings on one account are never
/// grouped: <c>fund_apply_movements</c> checks limits on an account's summed movements, and a group would accept a debit
/// whose cover comes from a credit that, alone, would have come after it.
/// </remarks>
public static class CommitGroup
{
    public static List<T> Take<T>(List<T> waiting, Func<T, IEnumerable<string>> touches, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var taken = new List<T>();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var left = new List<T>();
        foreach (var posting in waiting)
        {
            var keys = touches(posting).ToList();
            if (taken.Count < max && (taken.Count == 0 || !keys.Any(touched.Contains)))
            {
                taken.Add(posting);
                touched.UnionWith(keys);
            }
            else
            {
                left.Add(posting);
            }
        }

        waiting.Clear();
        waiting.AddRange(left);
        return taken;
    }
}
