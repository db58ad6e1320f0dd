namespace TrustScore.Api.Domain.Scoring;

/// <summary>One city's net opinion of another from its peer reports (kept minus broken, decayed).</summary>
public readonly record struct PeerOpinion(string Reporter, string Subject, double Kept, double Broken);

/// <summary>
/// EigenTrust global trust (Kamvar, Schlosser &amp; Garcia-Molina, "The EigenTrust Algorithm for Reputation Management in
/// P2P Networks", WWW 2003) over the alliance, with the coordinating body and the accredited third parties as the
/// pre-trusted peer (domain.md §4.3). It decides how much each city's word counts as a reporter.
/// </summary>
/// <remarks>
/// Implementation note: the pre-trusted peer's local trust in a city is the city's verified standing (kept minus
/// broken evidence that a third party, the ledger or the coordinating body verified; never peer words); a city's local
/// trust in another is its reports' kept minus broken, normalized, and a city that vouches for no one sends its share
/// back to the pre-trusted peer. Iterating t ← (1−a)·Cᵀt + a·p with p all on the pre-trusted peer, trust enters the
/// graph only through verified standing: a group of cities praising each other can pass round only what the
/// coordinating body's evidence gave them, and a group with no verified record gets none. The reporter weight is a
/// city's trust relative to the average city's, capped at 1.
/// </remarks>
public static class GlobalTrust
{
    public const double DefaultDamping = 0.15;
    private const int MaxIterations = 200;
    private const double Tolerance = 1e-12;

    public static IReadOnlyDictionary<string, double> ReporterWeights(
        IReadOnlyDictionary<string, double> verifiedStanding, IEnumerable<PeerOpinion> opinions, double damping = DefaultDamping)
    {
        var cities = verifiedStanding.Keys.Order(StringComparer.Ordinal).ToList();
        var index = cities.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i + 1, StringComparer.Ordinal);
        var n = cities.Count + 1;
        var rows = new List<(int To, double Weight)>[n];
        rows[0] = [.. cities.Select(c => (index[c], Math.Max(0, verifiedStanding[c])))];
        for (var i = 1; i < n; i++)
        {
            rows[i] = [];
        }

        foreach (var group in opinions.Where(o => index.ContainsKey(o.Reporter) && index.ContainsKey(o.Subject) && o.Reporter != o.Subject)
                     .GroupBy(o => (o.Reporter, o.Subject)))
        {
            var net = group.Sum(o => o.Kept - o.Broken);
            if (net > 0)
            {
                rows[index[group.Key.Reporter]].Add((index[group.Key.Subject], net));
            }
        }

        var trust = Iterate(rows, n, damping);
        var mean = cities.Count == 0 ? 0 : trust.Skip(1).Sum() / cities.Count;
        return cities.ToDictionary(c => c, c => mean <= 0 ? 0 : Math.Min(1, trust[index[c]] / mean), StringComparer.Ordinal);
    }

    private static double[] Iterate(List<(int To, double Weight)>[] rows, int n, double damping)
    {
        var totals = rows.Select(r => r.Sum(e => e.Weight)).ToArray();
        var trust = new double[n];
        trust[0] = 1;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var next = new double[n];
            next[0] = damping;
            for (var i = 0; i < n; i++)
            {
                if (trust[i] == 0)
                {
                    continue;
                }

                var share = (1 - damping) * trust[i];
                if (totals[i] <= 0)
                {
                    next[0] += share;
                    continue;
                }

                foreach (var (to, weight) in rows[i])
                {
                    next[to] += share * weight / totals[i];
                }
            }

            var change = next.Zip(trust, (a, b) => Math.Abs(a - b)).Sum();
            trust = next;
            if (change < Tolerance)
            {
                break;
            }
        }

        return trust;
    }
}
