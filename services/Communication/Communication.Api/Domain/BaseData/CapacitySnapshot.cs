namespace Communication.Api.Domain.BaseData;

/// <summary>
/// One version of a city's published base data (docs/domain.md §3.5): population by district, supply reserves, response teams
/// and equipment, as of a date. A city publishes a new version to refresh it; versions are kept.
/// </summary>
public sealed class CapacitySnapshot
{
    public Guid Id { get; set; }

    public string CityId { get; set; } = string.Empty;

    public int Version { get; set; }

    public DateOnly AsOf { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public List<DistrictPopulation> Population { get; set; } = [];

    public List<CapacityItem> Items { get; set; } = [];

    public long TotalPopulation => Population.Sum(d => d.People);

    /// <summary>Stale once the agreed refresh interval has run out after its as-of date: the next version was due by then.</summary>
    public DateOnly DueBy(int refreshIntervalDays) => AsOf.AddDays(refreshIntervalDays);

    public bool IsStale(DateOnly today, int refreshIntervalDays) => today > DueBy(refreshIntervalDays);
}

/// <summary>People living in one district: raw figures the coordinating body sees; others see the city's total.</summary>
public sealed record DistrictPopulation(string District, long People);

/// <summary>
/// A line of capacity: a supply reserve (<see cref="CapacityKinds.Supply"/>: resource, quantity, unit), a team
/// (<see cref="CapacityKinds.Team"/>: kind and people) or equipment (<see cref="CapacityKinds.Equipment"/>: kind and count).
/// Lines of the same kind, resource and unit add up across cities.
/// </summary>
public sealed record CapacityItem(string Kind, string Resource, decimal Quantity, string Unit)
{
    public (string Kind, string Resource, string Unit) Key => (Kind, Resource, Unit);
}

public static class CapacityKinds
{
    public const string Supply = "supply";
    public const string Team = "team";
    public const string Equipment = "equipment";

    public static readonly IReadOnlyList<string> All = [Supply, Team, Equipment];
}
