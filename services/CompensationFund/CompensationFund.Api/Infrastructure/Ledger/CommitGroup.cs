namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// Which waiting postings commit together: in their order, every posting that shares no account and no entry with a
/// group still committing, with a posting already taken, or with an older posting left waiting — up to a maximum. What
/// is left waits for the next group, in its order.
/// </summary>
/// <remarks>
/// Implementation note: postings that share nothing commute — the balances, the limit checks and the point-in-time walk
/// of each see exactly what they would see if it committed alone, before or after the others — so one transaction for the
/// group is equivalent to committing them one after another in any order. Two postings on one account are never
/// grouped: <c>fund_apply_movements</c> checks limits on an account's summed movements, and a group would accept a debit
/// whose cover comes from a credit that, alone, would have come after it.
///
/// A group also leaves out what a group still committing holds (<paramref name="held"/>): it would only wait in the
/// database for that group's row locks, which are held until its <c>COMMIT</c> has reached the disk, so two writers
/// would commit one after the other instead of side by side (measured, docs/compensation-fund.md §12). And a posting
/// never overtakes an older one with which it shares a key: postings on one account commit in the order they
/// arrived, and none waits for ever behind newer ones.
/// </remarks>
public static class CommitGroup
{
    public static List<T> Take<T>(List<T> waiting, Func<T, IEnumerable<string>> touches, int max, IReadOnlySet<string>? held = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var taken = new List<T>();
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var left = new List<T>();
        foreach (var posting in waiting)
        {
            var keys = touches(posting).ToList();
            if (taken.Count < max && !keys.Any(k => blocked.Contains(k) || held?.Contains(k) == true))
            {
                taken.Add(posting);
            }
            else
            {
                left.Add(posting);
            }

            blocked.UnionWith(keys);
        }

        waiting.Clear();
        waiting.AddRange(left);
        return taken;
    }
}
