using CostSharing.Api.Domain.Allocation;
using Xunit;

namespace CostSharing.Tests.Allocation;

/// <summary>Net positions and settlement through the clearing account (domain.md §4.2).</summary>
public sealed partial class AllocationEngineTests
{
    private static readonly DateOnly Due = new(2026, 3, 31);

    [Fact]
    public void NetPositionIsShareMinusSpendAndTheClearingAccountBalances()
    {
        var outcome = AllocationEngine.Allocate(AllocationRule.OriginPrimary(0.7m, AllocationKey.Equal), 300_00,
            [new("origin", Side.Origin, ContributionWeight: 1m), new("x", Side.Affected), new("y", Side.Affected)]);

        var positions = NetPositions.Of(outcome, new Dictionary<string, long> { ["origin"] = 50_00, ["x"] = 250_00 });
        var orders = NetPositions.Orders(positions.Select(p => (p.CityId, p.NetFen)), Due);

        Assert.Equal([160_00L, -205_00, 45_00], positions.Select(p => p.NetFen));
        Assert.Equal(
            [("origin", SettlementDirection.PayIn, 160_00L), ("x", SettlementDirection.PayOut, 205_00L), ("y", SettlementDirection.PayIn, 45_00L)],
            orders.Select(o => (o.CityId, o.Direction, o.AmountFen)));
        Assert.Equal(
            orders.Where(o => o.Direction == SettlementDirection.PayIn).Sum(o => o.AmountFen),
            orders.Where(o => o.Direction == SettlementDirection.PayOut).Sum(o => o.AmountFen));
    }

    [Fact]
    public void ChangesListOnlyTheCitiesWhoseAmountsMoved()
    {
        NetPosition[] before = [new("a", Side.Origin, 100, 0), new("b", Side.Affected, 50, 150), new("c", Side.Affected, 50, 50)];
        NetPosition[] after = [new("a", Side.Origin, 120, 0), new("b", Side.Affected, 60, 180), new("c", Side.Affected, 50, 50)];

        var changes = NetPositions.Changes(before, after);

        Assert.Equal([new PositionChange("a", 20, 20), new PositionChange("b", 10, -20)], changes);
    }
}
