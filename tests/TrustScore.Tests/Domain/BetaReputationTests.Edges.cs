using TrustScore.Api.Domain;

namespace TrustScore.Tests.Domain;

/// <summary>The edges of the forgetting factor (domain.md §4.3: r ← λ·r + new).</summary>
public sealed partial class BetaReputationTests
{
    [Fact]
    public void AForgettingFactorOfZeroKeepsOnlyTheLatestOutcome()
    {
        var (r, s) = BetaReputation.Accumulate(0, [new Outcome(1, 1), new Outcome(1, 1), new Outcome(2, 0.25)]);

        Assert.Equal((0.5, 1.5), (r, s));
    }

    [Fact]
    public void AFactorOfOnePerDayIsNoForgettingAtAll()
    {
        Assert.Same(Forgetting.None, Forgetting.FromLambda(1));
        Assert.Equal(double.PositiveInfinity, Forgetting.FromLambda(1).HalfLifeDays);
    }
}
