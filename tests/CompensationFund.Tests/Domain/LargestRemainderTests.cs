using CompensationFund.Api.Domain.Money;
using CsCheck;

namespace CompensationFund.Tests.Domain;

/// <summary>The largest-remainder split of domain.md §4.1: its examples and the properties it promises.</summary>
public sealed class LargestRemainderTests
{
    private static readonly Gen<(long Total, SplitWeight[] Weights)> Splits =
        Gen.Select(
            Gen.Long[0, 10_000_000_000],
            Gen.Int[1, 12].SelectMany(n => Gen.Decimal[0m, 1_000_000m].Select(d => Math.Round(d, 2)).Array[n]),
            (total, weights) => (total, weights.Select((w, i) => new SplitWeight($"city-{i:D2}", w)).ToArray()))
        .Where(s => s.Item2.Any(w => w.Weight > 0));

    [Fact]
    public void OneHundredYuanOneToOneToOne() =>
        Assert.Equal(
            new Dictionary<string, long> { ["a"] = 3334, ["b"] = 3333, ["c"] = 3333 },
            LargestRemainder.Split(10_000, [new("a", 1), new("b", 1), new("c", 1)]));

    [Fact]
    public void ChishuiPoolFundedOneToFiveToFour() =>
        Assert.Equal(
            new Dictionary<string, long> { ["yunnan"] = 2_000_000_000, ["guizhou"] = 10_000_000_000, ["sichuan"] = 8_000_000_000 },
            LargestRemainder.Split(20_000_000_000, [new("yunnan", 1), new("guizhou", 5), new("sichuan", 4)]));

    [Fact]
    public void TiesGoToTheLargerWeightThenThePartyId()
    {
        Assert.Equal(34, LargestRemainder.Split(100, [new("b", 1), new("a", 1), new("c", 1)])["a"]);

        // Exact shares 0.5, 1.5 and 1: one fen left, a tie of remainders, and the larger weight takes it.
        Assert.Equal(
            new Dictionary<string, long> { ["a"] = 0, ["b"] = 2, ["c"] = 1 },
            LargestRemainder.Split(3, [new("a", 1), new("b", 3), new("c", 2)]));
    }

    [Fact]
    public void SharesSumExactlyToTheTotalAndStayWithinOneFenOfTheExactShare() =>
        Splits.Sample((total, weights) =>
        {
            var shares = LargestRemainder.Split(total, weights);
            Assert.Equal(total, shares.Values.Sum());
            var sum = weights.Sum(w => w.Weight);
            foreach (var w in weights)
            {
                var exact = total * w.Weight / sum;
                Assert.InRange(shares[w.PartyId] - exact, -1m, 1m);
                Assert.True(shares[w.PartyId] >= Math.Floor(exact), "a share is never below its floor");
            }
        });

    [Fact]
    public void ZeroWeightGetsZero() =>
        Splits.Sample((total, weights) =>
        {
            var shares = LargestRemainder.Split(total, weights);
            Assert.All(weights.Where(w => w.Weight == 0), w => Assert.Equal(0, shares[w.PartyId]));
        });

    [Fact]
    public void ResultDoesNotDependOnInputOrder() =>
        Splits.Select(Gen.Int, (s, seed) => (s.Total, s.Weights, seed)).Sample((total, weights, seed) =>
        {
            var random = new Random(seed);
            var shuffled = weights.OrderBy(_ => random.Next()).ToArray();
            Assert.Equal(LargestRemainder.Split(total, weights), LargestRemainder.Split(total, shuffled));
        });
}
