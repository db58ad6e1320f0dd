using Communication.Api.Domain.BaseData;

namespace Communication.Tests.BaseData;

/// <summary>Joint capacity summed over the cities' latest snapshots, and the gaps against a scenario's requirement profile.</summary>
public sealed class RegionCapacityTests
{
    private static readonly RequirementProfile Flood = new()
    {
        Id = "flood",
        Requirements =
        [
            new(CapacityKinds.Equipment, "pump", "units", 2m, 100_000),
            new(CapacityKinds.Supply, "sandbags", "bags", 5_000m, 100_000),
            new(CapacityKinds.Team, "rescue", "people", 30m, 100_000),
        ],
    };

    private static CapacitySnapshot City(string cityId, long people, params CapacityItem[] items) => new()
    {
        CityId = cityId, Version = 1, AsOf = new DateOnly(2026, 6, 1), Population = [new("centre", people)], Items = [.. items],
    };

    [Fact]
    public void SumsEachItemAcrossTheCities()
    {
        var joint = RegionCapacity.Joint([
            City("hangzhou", 1, new CapacityItem(CapacityKinds.Equipment, "pump", 3m, "units"), new CapacityItem(CapacityKinds.Supply, "sandbags", 1_000m, "bags")),
            City("jiaxing", 1, new CapacityItem(CapacityKinds.Equipment, "pump", 2m, "units")),
        ]);

        Assert.Equal(
            [("equipment", "pump", 5m), ("supply", "sandbags", 1_000m)],
            joint.Select(i => (i.Kind, i.Resource, i.Quantity)));
    }

    [Fact]
    public void KeepsItemsOfDifferentUnitsApart()
    {
        var joint = RegionCapacity.Joint([
            City("a", 1, new CapacityItem(CapacityKinds.Supply, "water", 10m, "tonnes")),
            City("b", 1, new CapacityItem(CapacityKinds.Supply, "water", 500m, "litres")),
        ]);

        Assert.Equal(2, joint.Count);
    }

    [Fact]
    public void ListsTheGapsAgainstThePeopleExposed()
    {
        var gaps = RegionCapacity.Gaps(Flood, [
            City("hangzhou", 120_000, new CapacityItem(CapacityKinds.Equipment, "pump", 3m, "units"), new CapacityItem(CapacityKinds.Team, "rescue", 80m, "people")),
            City("jiaxing", 30_000, new CapacityItem(CapacityKinds.Supply, "sandbags", 4_000m, "bags")),
        ]);

        Assert.Equal(150_000, gaps.PeopleExposed);
        // 150,000 people: pumps 2 × 1.5 = 3 (have 3), sandbags 7,500 (have 4,000), rescuers 45 (have 80).
        Assert.Equal([3m, 7_500m, 45m], gaps.Lines.Select(l => l.Required));
        Assert.Equal([0m, 3_500m, 0m], gaps.Lines.Select(l => l.Gap));
        var gap = Assert.Single(gaps.Gaps);
        Assert.Equal(("sandbags", 4_000m), (gap.Resource, gap.Available));
    }

    [Fact]
    public void RoundsARequirementUpToAWholeItem()
    {
        Assert.Equal(3m, new Requirement(CapacityKinds.Equipment, "pump", "units", 2m, 100_000).For(100_001));
        Assert.Equal(2m, new Requirement(CapacityKinds.Equipment, "pump", "units", 2m, 100_000).For(100_000));
        Assert.Equal(0m, new Requirement(CapacityKinds.Equipment, "pump", "units", 2m, 100_000).For(0));
    }

    [Fact]
    public void ANeedNobodyHasIsAGapInFull()
    {
        var gaps = RegionCapacity.Gaps(Flood, [City("hangzhou", 100_000)]);

        Assert.Equal([2m, 5_000m, 30m], gaps.Gaps.Select(g => g.Gap));
        Assert.All(gaps.Gaps, g => Assert.Equal(0m, g.Available));
    }

    [Fact]
    public void ASnapshotIsStaleOnlyAfterItsRefreshIntervalRunsOut()
    {
        var snapshot = City("hangzhou", 1);

        Assert.Equal(new DateOnly(2026, 8, 30), snapshot.DueBy(90));
        Assert.False(snapshot.IsStale(new DateOnly(2026, 8, 30), 90));
        Assert.True(snapshot.IsStale(new DateOnly(2026, 8, 31), 90));
    }

    [Fact]
    public void CountsThePopulationOfEveryDistrict()
    {
        var snapshot = City("hangzhou", 1_000);
        snapshot.Population.Add(new("west lake", 250));

        Assert.Equal(1_250, snapshot.TotalPopulation);
    }
}
