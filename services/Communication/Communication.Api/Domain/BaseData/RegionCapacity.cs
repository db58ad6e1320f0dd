namespace Communication.Api.Domain.BaseData;

/// <summary>
/// The community's joint capacity and its gaps (docs/domain.md §3.5): each item summed over the cities' latest snapshots, against
/// what each scenario's requirement profile asks for the people exposed (the cities' summed population).
/// </summary>
public static class RegionCapacity
{
    public static IReadOnlyList<JointItem> Joint(IReadOnlyList<CapacitySnapshot> latest) =>
        [.. latest.SelectMany(s => s.Items)
            .GroupBy(i => i.Key)
            .Select(g => new JointItem(g.Key.Kind, g.Key.Resource, g.Key.Unit, g.Sum(i => i.Quantity)))
            .OrderBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Resource, StringComparer.Ordinal).ThenBy(i => i.Unit, StringComparer.Ordinal)];

    public static ScenarioGaps Gaps(RequirementProfile profile, IReadOnlyList<CapacitySnapshot> latest)
    {
        var exposed = latest.Sum(s => s.TotalPopulation);
        var joint = Joint(latest).ToDictionary(i => (i.Kind, i.Resource, i.Unit));
        var lines = profile.Requirements.Select(r =>
        {
            var required = r.For(exposed);
            var available = joint.TryGetValue((r.Kind, r.Resource, r.Unit), out var item) ? item.Quantity : 0m;
            return new GapLine(r.Kind, r.Resource, r.Unit, required, available, Math.Max(0m, required - available));
        }).ToList();
        return new ScenarioGaps(profile.Id, exposed, lines, [.. lines.Where(l => l.Gap > 0)]);
    }
}

public sealed record JointItem(string Kind, string Resource, string Unit, decimal Quantity);

public sealed record GapLine(string Kind, string Resource, string Unit, decimal Required, decimal Available, decimal Gap);

public sealed record ScenarioGaps(string Scenario, long PeopleExposed, IReadOnlyList<GapLine> Lines, IReadOnlyList<GapLine> Gaps);
