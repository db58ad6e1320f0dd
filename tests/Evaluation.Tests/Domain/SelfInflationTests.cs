using Evaluation.Api.Domain.Scoring;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>A self score more than the threshold above the panel's is capped or dropped (domain.md §4.4).</summary>
public sealed class SelfInflationTests
{
    [Fact]
    public void GapAboveThresholdIsCappedAtPanelPlusThreshold()
    {
        var finding = SelfInflation.Check(95m, 70m, new InflationPolicy(10m, InflationAction.Cap))!;

        Assert.Equal((95m, 70m, 25m, 10m, InflationAction.Cap, (decimal?)80m),
            (finding.SelfScore, finding.ThirdPartyScore, finding.Gap, finding.Threshold, finding.Action, finding.CountedSelfScore));
    }

    [Fact]
    public void DropPolicyDiscardsTheSelfScore() =>
        Assert.Null(SelfInflation.Check(95m, 70m, new InflationPolicy(10m, InflationAction.Drop))!.CountedSelfScore);

    [Theory]
    [InlineData(80, 70)]
    [InlineData(60, 70)]
    [InlineData(79.99, 70)]
    public void GapAtOrBelowThresholdOrBelowThePanelIsLeftAlone(double self, double panel) =>
        Assert.Null(SelfInflation.Check((decimal)self, (decimal)panel, InflationPolicy.Default));

    [Fact]
    public void JustAboveTheThresholdIsInflation() =>
        Assert.NotNull(SelfInflation.Check(80.01m, 70m, InflationPolicy.Default));

    [Fact]
    public void NothingToCompareIsNoFinding()
    {
        Assert.Null(SelfInflation.Check(null, 70m, InflationPolicy.Default));
        Assert.Null(SelfInflation.Check(99m, null, InflationPolicy.Default));
    }

    [Fact]
    public void DefaultIsTenPointsCapped() => Assert.Equal(new InflationPolicy(10m, InflationAction.Cap), InflationPolicy.Default);
}
