using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Tests.Domain.Money;

/// <summary>What cannot be split: a negative total, no parties, a negative weight, a party twice, weights all zero.</summary>
public sealed class LargestRemainderRefusalTests
{
    [Fact]
    public void ANegativeTotalIsNotSplit() =>
        Assert.Equal("total", Assert.Throws<ArgumentOutOfRangeException>(() => LargestRemainder.Split(-1, [new("a", 1)])).ParamName);

    [Fact]
    public void NothingIsSplitAmongNobody() => AssertRefusedWeights([]);

    [Fact]
    public void ANegativeWeightIsRefusedBesidePositiveOnes() => AssertRefusedWeights([new("a", 5), new("b", -1)]);

    [Fact]
    public void APartyListedTwiceIsRefused() => AssertRefusedWeights([new("a", 1), new("a", 2)]);

    [Fact]
    public void WeightsThatAreAllZeroAreRefused()
    {
        var refused = Assert.Throws<ArgumentException>(() => LargestRemainder.Split(100, [new("a", 0), new("b", 0m)]));

        Assert.Equal("weights", refused.ParamName);
        Assert.StartsWith("At least one weight must be positive.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecimalWeightsSplitAsTheirExactRatio() =>
        Assert.Equal(new Dictionary<string, long> { ["a"] = 25, ["b"] = 75 }, LargestRemainder.Split(100, [new("a", 0.5m), new("b", 1.5m)]));

    private static void AssertRefusedWeights(IReadOnlyList<SplitWeight> weights)
    {
        var refused = Assert.Throws<ArgumentException>(() => LargestRemainder.Split(100, weights));

        Assert.Equal("weights", refused.ParamName);
        Assert.StartsWith("Weights must be non-negative, one per distinct party, and at least one.", refused.Message, StringComparison.Ordinal);
    }
}
