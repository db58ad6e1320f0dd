using CostSharing.Api.Domain.Allocation;
using CsCheck;
using Xunit;

namespace CostSharing.Tests.Allocation;

/// <summary>Caps (benefit or stand-alone cost) with exact, iterative redistribution (domain.md §4.2).</summary>
public sealed partial class AllocationEngineTests
{
    [Fact]
    public void CappedCityPaysItsCapAndTheExcessGoesToTheOthersByTheirShares()
    {
        AllocationParty[] parties =
        [
            new("a", Side.Affected, DamageAvoided: 10m),
            new("b", Side.Affected, DamageAvoided: 1_000m),
            new("c", Side.Affected, DamageAvoided: 1_000m),
        ];

        // 90.00 split equally would be 30 each; a's benefit caps it at 10, the other 20 split 1:1 → 40, 40.
        var outcome = AllocationEngine.Allocate(AllocationRule.Proportional(AllocationKey.Equal, CapKind.Benefit), 90_00, parties);

        Assert.Equal([1_000L, 4_000, 4_000], outcome.Shares.Select(s => s.Fen));
        Assert.Equal("cap round 1", outcome.Steps[^1].Name);
    }

    [Fact]
    public void RedistributionRepeatsUntilNobodyIsOverTheCap()
    {
        AllocationParty[] parties =
        [
            new("a", Side.Affected, StandAloneCost: 10m),
            new("b", Side.Affected, StandAloneCost: 35m),
            new("c", Side.Affected),
        ];

        // 100 by thirds: a over 10 → 90 left for b, c (45 each); b over 35 → c pays 55.
        var outcome = AllocationEngine.Allocate(AllocationRule.Proportional(AllocationKey.Equal, CapKind.StandAloneCost), 100_00, parties);

        Assert.Equal([1_000L, 3_500, 5_500], outcome.Shares.Select(s => s.Fen));
        Assert.Equal(["cap round 1", "cap round 2"], outcome.Steps.Skip(1).Select(s => s.Name));
    }

    [Fact]
    public void CapsBelowTheCostAreRefused()
    {
        var error = Assert.Throws<AllocationInputException>(() => AllocationEngine.Allocate(
            AllocationRule.Proportional(AllocationKey.Equal, CapKind.Benefit), 100_00,
            [new("a", Side.Affected, DamageAvoided: 10m), new("b", Side.Affected, DamageAvoided: 20m)]));

        Assert.Contains("caps cannot cover the cost", error.Message);
    }

    [Fact]
    public void CapsHoldAndSharesStillSumExactly() =>
        Gen.Select(AllocationGen.TotalFen, AllocationGen.Parties, AllocationGen.Alpha, Gen.Int[0, 100].Array[36]).Sample((total, parties, alpha, caps) =>
        {
            // Every other affected city gets a cap; origin cities stay uncapped so the cost can always be covered.
            var capped = parties.Select((p, i) => p.Side == Side.Affected && i % 2 == 0
                ? p with { DamageAvoided = Math.Round(total / 100m * caps[i] / 100m / Math.Max(1, parties.Count), 2) }
                : p with { DamageAvoided = null }).ToList();
            var outcome = AllocationEngine.Allocate(AllocationRule.OriginPrimary(alpha, AllocationKey.Equal, CapKind.Benefit), total, capped);

            Assert.Equal(total, outcome.Shares.Sum(s => s.Fen));
            foreach (var party in capped.Where(p => p.DamageAvoided is not null))
            {
                Assert.True(outcome.Shares.Single(s => s.CityId == party.CityId).Fen <= CostSharing.Api.Domain.Allocation.Fen.FromYuan(party.DamageAvoided!.Value), $"{party.CityId} is over its cap");
            }

            Assert.All(outcome.Shares, s => Assert.True(AllocationGen.WithinOneFen(s.Fen, s.Exact)));
        });
}
