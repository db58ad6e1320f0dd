using CostSharing.Api.Domain.Allocation;
using Xunit;

namespace CostSharing.Tests.Allocation;

/// <summary>
/// The tie-break order of the largest-remainder method (domain.md §4.1): remainder, then the larger share
/// (larger weight), then the origin side before the affected side, then the smaller id; never the listing order.
/// </summary>
public sealed partial class AllocationEngineTests
{
    [Fact]
    public void LargerWeightWinsTheTieWhateverItsIdOrPlaceInTheList()
    {
        // 3 fen by 1:5 → 0.5 and 2.5: equal remainders and one fen left; "a" has the smaller id and is listed first,
        // "z" weighs more and takes it.
        var rounding = LargestRemainder.Split(3, [("a", 1m), ("z", 5m)]);

        Assert.Equal([("a", 0L), ("z", 3L)], rounding.Shares.Select(s => (s.PartyId, s.Fen)));
        Assert.Equal([2, 1], rounding.Shares.Select(s => s.RemainderRank!.Value));
    }

    [Fact]
    public void LargerRemainderBeatsLargerWeight()
    {
        // 12 fen by 7:3 → 8.4 and 3.6: one fen left, and the smaller share's larger remainder (.6) takes it.
        var rounding = LargestRemainder.Split(12, [("large", 7m), ("small", 3m)]);

        Assert.Equal([("large", 8L), ("small", 4L)], rounding.Shares.Select(s => (s.PartyId, s.Fen)));
    }

    [Fact]
    public void EqualSidesGiveTheExtraFenToTheOriginSideBeforeTheIds()
    {
        // 1 fen at α = 0.5: each side's exact total is half a fen; "affected" sorts before "origin" by name, yet the
        // origin side takes the fen, and within it the origin city.
        var outcome = AllocationEngine.Allocate(
            AllocationRule.OriginPrimary(0.5m, AllocationKey.Equal), 1,
            [new("z-origin", Side.Origin, ContributionWeight: 1m), new("a-affected", Side.Affected)]);

        Assert.Equal([("a-affected", 0L), ("z-origin", 1L)], outcome.Shares.Select(s => (s.CityId, s.Fen)));
        Assert.Equal([("origin", 1L), ("affected", 0L)], outcome.Rounding.Groups.Select(g => (g.Group, g.Fen)));
    }

    [Fact]
    public void GroupsTheOrderDoesNotNameComeAfterThoseItDoes()
    {
        ExactShare[] shares =
        [
            new("a", "extra", Fraction.Of(1, 2)), new("b", "origin", Fraction.Of(1, 2)), new("c", "affected", Fraction.Of(1, 1)),
        ];

        // "extra" and "origin" tie on remainder and size; named in the order, the origin side wins; unordered, the name decides.
        var rounding = LargestRemainder.Round(2, shares, ["origin", "affected"]);
        var unordered = LargestRemainder.Round(2, shares);

        Assert.Equal([0L, 1, 1], rounding.Shares.Select(s => s.Fen));
        Assert.Equal([1L, 0, 1], unordered.Shares.Select(s => s.Fen));
    }
}
