namespace Communication.Api.Domain.Exposure;

/// <summary>
/// Reach over the exposure graph: for each kind of edge that carries the category, the cities reached from the origin along
/// edges of that kind only (a river's flood does not continue on the wind), transitively for rivers and wind, one hop for
/// corridors.
/// </summary>
public static class ExposureReach
{
    public static IReadOnlySet<string> From(IReadOnlyList<ExposureEdge> edges, string origin, string category)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in EdgeKinds.All)
        {
            var next = Adjacency(edges.Where(e => e.Kind == kind && e.Carries(category)), EdgeKinds.IsSymmetric(kind));
            reached.UnionWith(EdgeKinds.IsTransitive(kind) ? Closure(next, origin) : next.GetValueOrDefault(origin, []));
        }

        reached.Remove(origin);
        return reached;
    }

    private static Dictionary<string, HashSet<string>> Adjacency(IEnumerable<ExposureEdge> edges, bool symmetric)
    {
        var next = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var edge in edges)
        {
            Link(next, edge.FromCityId, edge.ToCityId);
            if (symmetric)
            {
                Link(next, edge.ToCityId, edge.FromCityId);
            }
        }

        return next;
    }

    private static void Link(Dictionary<string, HashSet<string>> next, string from, string to)
    {
        if (!next.TryGetValue(from, out var targets))
        {
            next[from] = targets = new HashSet<string>(StringComparer.Ordinal);
        }

        targets.Add(to);
    }

    /// <summary>Breadth-first; a cycle (two channels of one river, say) stops at cities already reached.</summary>
    private static HashSet<string> Closure(Dictionary<string, HashSet<string>> next, string origin)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new Queue<string>([origin]);
        while (frontier.TryDequeue(out var city))
        {
            foreach (var target in next.GetValueOrDefault(city, []))
            {
                if (seen.Add(target))
                {
                    frontier.Enqueue(target);
                }
            }
        }

        return seen;
    }
}
