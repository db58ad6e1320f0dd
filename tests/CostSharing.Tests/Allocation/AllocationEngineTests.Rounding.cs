using CostSharing.Api.Domain.Allocation;
using Xunit;

namespace CostSharing.Tests.Allocation;

/// <summary>Largest-remainder rounding in fen on the examples of domain.md §4.1.</summary>
public sealed partial class AllocationEngineTests
{
    [Fact]
    public void HundredYuanSplitOneOneOneGivesTheExtraFenByPartyId()
    {
        var rounding = LargestRemainder.Split(10_000, [("c", 1m), ("a", 1m), ("b", 1m)]);

        Assert.Equal(3_334, rounding.FenOf("a"));
        Assert.Equal(3_333, rounding.FenOf("b"));
        Assert.Equal(3_333, rounding.FenOf("c"));
    }

    [Fact]
    public void ExtraFenGoesToTheLargestRemainderNotTheFirstListed()
    {
        // 0.05 split 1:1:2 → 1.25, 1.25, 2.5 fen: floors 1 + 1 + 2 leave one fen, and the .5 remainder takes it.
        var rounding = LargestRemainder.Split(5, [("first", 1m), ("second", 1m), ("large", 2m)]);

        Assert.Equal(3, rounding.FenOf("large"));
        Assert.Equal(1, rounding.FenOf("first"));
        Assert.Equal(1, rounding.FenOf("second"));
    }

    [Fact]
    public void EqualRemaindersGoToTheLargerWeightThenTheSmallerId()
    {
        // 10 fen by 1:1:3:3 → 1.25, 1.25, 3.75, 3.75: floors 1+1+3+3 = 8, two fen left, remainders .25 .25 .75 .75.
        var byRemainder = LargestRemainder.Split(10, [("a", 1m), ("b", 1m), ("c", 3m), ("d", 3m)]);
        Assert.Equal([1L, 1, 4, 4], new[] { "a", "b", "c", "d" }.Select(byRemainder.FenOf));

        // 2 fen by 1:3 → 0.5 and 1.5: equal remainders, and the larger weight takes the fen though listed last.
        var byWeight = LargestRemainder.Split(2, [("a", 1m), ("b", 3m)]);
        Assert.Equal([0L, 2], new[] { "a", "b" }.Select(byWeight.FenOf));

        // Same remainder (1/2) and same weight: the id decides, ordinal.
        var byId = LargestRemainder.Split(3, [("zhoushan", 1m), ("anqing", 1m)]);
        Assert.Equal(2, byId.FenOf("anqing"));
        Assert.Equal(1, byId.FenOf("zhoushan"));
    }

    [Fact]
    public void RoundingIsRecordedForTheExplanation()
    {
        var rounding = LargestRemainder.Split(10_000, [("a", 1m), ("b", 1m), ("c", 1m)]);

        var a = rounding.Shares.Single(s => s.PartyId == "a");
        Assert.Equal(Fraction.Of(10_000, 3), a.Exact);
        Assert.Equal(3_333, a.Floor);
        Assert.Equal(Fraction.Of(1, 3), a.Remainder);
        Assert.Equal(1, a.RemainderRank);
        Assert.True(a.ReceivedExtraFen);
        Assert.False(rounding.Shares.Single(s => s.PartyId == "c").ReceivedExtraFen);
    }

    [Fact]
    public void WeightsSummingToZeroAreRefused()
    {
        var error = Assert.Throws<AllocationInputException>(() => LargestRemainder.Split(100, [("a", 0m), ("b", 0m)]));
        Assert.Contains("sum to zero", error.Message);
    }
}
