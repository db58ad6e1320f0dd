using TrustScore.Api.Domain.Scoring;

namespace TrustScore.Tests.Domain.Scoring;

/// <summary>The Whitby–Jøsang filter and the Beta distribution it rests on.</summary>
public sealed class QuantileFilterTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void BetaOneOneIsUniform(double p)
    {
        Assert.Equal(p, BetaDistribution.Cdf(p, 1, 1), 1e-12);
        Assert.Equal(p, BetaDistribution.Quantile(p, 1, 1), 1e-12);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.7)]
    public void BetaTwoOneHasCdfXSquaredAndBetaOneTwoItsMirror(double x)
    {
        Assert.Equal(x * x, BetaDistribution.Cdf(x, 2, 1), 1e-12);
        Assert.Equal(1 - ((1 - x) * (1 - x)), BetaDistribution.Cdf(x, 1, 2), 1e-12);
        Assert.Equal(Math.Sqrt(x), BetaDistribution.Quantile(x, 2, 1), 1e-9);
    }

    [Fact]
    public void TheCdfIsZeroBelowAndOneAboveTheUnitInterval()
    {
        Assert.Equal((0.0, 1.0), (BetaDistribution.Cdf(0, 3, 4), BetaDistribution.Cdf(1, 3, 4)));
    }

    [Fact]
    public void LogGammaOfSmallIntegersIsTheLogOfTheFactorial()
    {
        Assert.Equal(Math.Log(24), BetaDistribution.LogGamma(5), 1e-12);
        Assert.Equal(Math.Log(Math.Sqrt(Math.PI)), BetaDistribution.LogGamma(0.5), 1e-12);
    }

    [Fact]
    public void ALoneReporterIsNeverFiltered()
    {
        var (kept, filtered) = QuantileFilter.Apply([new ReporterOpinion("a", 0, 50, 50)], 0.01);

        Assert.Single(kept);
        Assert.Empty(filtered);
    }

    [Fact]
    public void FiltersTheReporterFarFromAStrongConsensusInTheRoundItStandsOut()
    {
        ReporterOpinion[] opinions = [.. Enumerable.Range(0, 5).Select(i => new ReporterOpinion($"r{i}", 10, 0, 10)), new ReporterOpinion("x", 0, 10, 10)];

        var (kept, filtered) = QuantileFilter.Apply(opinions, 0.01);

        Assert.Equal(5, kept.Count);
        var dropped = Assert.Single(filtered);
        Assert.Equal(("x", 1), (dropped.Opinion.ReporterCityId, dropped.Round));
        Assert.True(dropped.Consensus > dropped.Upper);
    }

    [Fact]
    public void KeepsEveryoneWhenTheyAgree()
    {
        ReporterOpinion[] opinions = [new("a", 3, 1, 4), new("b", 2, 1, 3), new("c", 4, 2, 6)];

        Assert.Equal(3, QuantileFilter.Apply(opinions, 0.01).Kept.Count);
    }

    [Fact]
    public void KeepsEveryoneWhenNobodyFitsTheConsensus()
    {
        ReporterOpinion[] opinions = [new("a", 40, 0, 40), new("b", 0, 40, 40)];

        var (kept, filtered) = QuantileFilter.Apply(opinions, 0.01);

        Assert.Equal(2, kept.Count);
        Assert.Empty(filtered);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    public void RefusesAQuantileOutsideZeroToOneHalf(double q)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuantileFilter.Apply([], q));
    }
}
