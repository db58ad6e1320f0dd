using Communication.Api.Domain.Exposure;
using Communication.Api.Domain.Warnings;

namespace Communication.Tests.Exposure;

/// <summary>
/// Reach over a small alliance: the Xin'an river flows huangshan → hangzhou → jiaxing, the wind carries from huangshan to
/// xuancheng and on to huzhou, and a rail corridor joins hangzhou and shanghai.
/// </summary>
public sealed class ExposureReachTests
{
    private static readonly ExposureGraph Graph = new()
    {
        Version = 3,
        Edges =
        [
            new("huangshan", "hangzhou", EdgeKinds.RiverDownstream, []),
            new("hangzhou", "jiaxing", EdgeKinds.RiverDownstream, []),
            new("huangshan", "xuancheng", EdgeKinds.Downwind, []),
            new("xuancheng", "huzhou", EdgeKinds.Downwind, []),
            new("hangzhou", "shanghai", EdgeKinds.Corridor, []),
        ],
    };

    [Fact]
    public void AFloodTravelsDownTheWholeRiverAndOnTheWind()
    {
        Assert.Equal(["hangzhou", "huzhou", "jiaxing", "xuancheng"], Graph.Reach("huangshan", WarningCategories.NaturalDisaster).Order());
    }

    [Fact]
    public void NothingTravelsUpstream()
    {
        Assert.Equal(["jiaxing"], Graph.Reach("hangzhou", WarningCategories.NaturalDisaster));
        Assert.Empty(Graph.Reach("jiaxing", WarningCategories.NaturalDisaster));
    }

    [Fact]
    public void ACorridorCarriesAnEpidemicBothWaysButOneHopOnly()
    {
        var graph = new ExposureGraph { Edges = [new("hangzhou", "shanghai", EdgeKinds.Corridor, []), new("shanghai", "suzhou", EdgeKinds.Corridor, [])] };

        Assert.Equal(["hangzhou", "suzhou"], graph.Reach("shanghai", WarningCategories.PublicHealth).Order());
        Assert.Equal(["shanghai"], graph.Reach("hangzhou", WarningCategories.PublicHealth));
    }

    [Fact]
    public void ACorridorDoesNotCarryAFlood()
    {
        Assert.DoesNotContain("shanghai", Graph.Reach("hangzhou", WarningCategories.NaturalDisaster));
    }

    [Fact]
    public void ARiskDoesNotSwitchFromRiverToWindOnTheWay()
    {
        var graph = new ExposureGraph { Edges = [new("a", "b", EdgeKinds.RiverDownstream, []), new("b", "c", EdgeKinds.Downwind, [])] };

        Assert.Equal(["b"], graph.Reach("a", WarningCategories.AccidentDisaster));
    }

    [Fact]
    public void AnEdgeCarriesOnlyTheCategoriesItNames()
    {
        var graph = new ExposureGraph { Edges = [new("a", "b", EdgeKinds.RiverDownstream, [WarningCategories.AccidentDisaster])] };

        Assert.Equal(["b"], graph.Reach("a", WarningCategories.AccidentDisaster));
        Assert.Empty(graph.Reach("a", WarningCategories.NaturalDisaster));
    }

    [Fact]
    public void ACycleEndsAndNeverReachesTheOrigin()
    {
        var graph = new ExposureGraph { Edges = [new("a", "b", EdgeKinds.Downwind, []), new("b", "c", EdgeKinds.Downwind, []), new("c", "a", EdgeKinds.Downwind, [])] };

        Assert.Equal(["b", "c"], graph.Reach("a", WarningCategories.NaturalDisaster).Order());
    }

    [Fact]
    public void SocialSecurityRisksTravelOnlyAlongCorridors()
    {
        Assert.Empty(Graph.Reach("huangshan", WarningCategories.SocialSecurity));
        Assert.Equal(["shanghai"], Graph.Reach("hangzhou", WarningCategories.SocialSecurity));
    }

    [Fact]
    public void AnEmptyGraphReachesNobody()
    {
        Assert.Empty(ExposureGraph.Empty.Reach("huangshan", WarningCategories.NaturalDisaster));
    }

    [Fact]
    public void EachReplacementIsANewVersionThatKeepsItsEdges()
    {
        var graph = ExposureGraph.Empty;
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var first = graph.Replace([new("a", "b", EdgeKinds.Downwind, [])], at, "coordinator");
        var second = graph.Replace([], at.AddDays(1), "coordinator");

        Assert.Equal((1, 1), (first.Id, first.Edges.Count));
        Assert.Equal((2, 0), (second.Id, second.Edges.Count));
        Assert.Equal(2, graph.Version);
        Assert.Empty(graph.Edges);
        Assert.Equal(at.AddDays(1), graph.UpdatedAt);
    }
}
