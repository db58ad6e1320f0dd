using CostSharing.Api.Domain.Allocation;
using CsCheck;
using Xunit;

namespace CostSharing.Tests.Allocation;

/// <summary>What holds for every split (domain.md §4.1), checked on generated totals and weights.</summary>
public sealed partial class AllocationEngineTests
{
    [Fact]
    public void SharesSumExactlyToTheTotal() =>
        Gen.Select(AllocationGen.TotalFen, AllocationGen.Weights).Sample((total, weights) =>
            LargestRemainder.Split(total, weights).Shares.Sum(s => s.Fen) == total);

    [Fact]
    public void EachShareIsWithinOneFenOfItsExactValue() =>
        Gen.Select(AllocationGen.TotalFen, AllocationGen.Weights).Sample((total, weights) =>
        {
            var sum = weights.Sum(w => w.Weight);
            var rounding = LargestRemainder.Split(total, weights);
            return weights.All(w => AllocationGen.WithinOneFen(rounding.FenOf(w.PartyId), AllocationGen.Exact(total, w.Weight, sum)));
        });

    [Fact]
    public void ZeroWeightGetsZero() =>
        Gen.Select(AllocationGen.TotalFen, AllocationGen.Weights).Sample((total, weights) =>
        {
            var rounding = LargestRemainder.Split(total, weights);
            return weights.Where(w => w.Weight == 0).All(w => rounding.FenOf(w.PartyId) == 0);
        });

    [Fact]
    public void ResultDoesNotDependOnInputOrder() =>
        Gen.Select(AllocationGen.TotalFen, AllocationGen.Weights, Gen.Int).Sample((total, weights, seed) =>
        {
            var shuffled = weights.OrderBy(_ => new Random(seed).Next()).Reverse().ToList();
            var once = LargestRemainder.Split(total, weights).Shares.Select(s => (s.PartyId, s.Fen));
            var again = LargestRemainder.Split(total, shuffled).Shares.Select(s => (s.PartyId, s.Fen));
            return once.SequenceEqual(again);
        });

    [Fact]
    public void EngineSharesHoldTheSamePropertiesUnderEveryKey() =>
        Gen.Select(AllocationGen.TotalFen, AllocationGen.Parties, AllocationGen.Alpha, AllocationGen.Key).Sample((total, parties, alpha, key) =>
        {
            var outcome = AllocationEngine.Allocate(AllocationRule.OriginPrimary(alpha, key), total, parties);
            var reversed = AllocationEngine.Allocate(AllocationRule.OriginPrimary(alpha, key), total, parties.AsEnumerable().Reverse().ToList());
            Assert.Equal(total, outcome.Shares.Sum(s => s.Fen));
            Assert.All(outcome.Shares, s => Assert.True(AllocationGen.WithinOneFen(s.Fen, s.Exact), $"{s.CityId}: {s.Fen} vs {s.Exact}"));
            Assert.Equal(outcome.Shares.Select(s => (s.CityId, s.Fen)), reversed.Shares.Select(s => (s.CityId, s.Fen)));
        });
}
