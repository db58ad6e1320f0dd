using Evaluation.Api.Domain.Scoring;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>Composite = Σ group weight × group score, re-normalised when a group is missing (domain.md §4.4).</summary>
public sealed class CompositeTests
{
    [Fact]
    public void AllGroupsPresentIsTheWeightedSum()
    {
        var result = Composite.Combine([new(AssessorGroup.ThirdParty, 0.6m, 80m), new(AssessorGroup.Coordinator, 0.25m, 90m), new(AssessorGroup.Self, 0.15m, 100m)])!;

        // 0.6·80 + 0.25·90 + 0.15·100 = 48 + 22.5 + 15 = 85.5
        Assert.Equal(85.5m, result.Score);
        Assert.False(result.Renormalised);
        Assert.Empty(result.MissingGroups);
        Assert.Equal("良", result.Grade);
    }

    [Fact]
    public void MissingGroupIsFlaggedAndTheOthersReNormalised()
    {
        var result = Composite.Combine([new(AssessorGroup.ThirdParty, 0.6m, 80m), new(AssessorGroup.Coordinator, 0.25m, 90m), new(AssessorGroup.Self, 0.15m, null)])!;

        // (0.6·80 + 0.25·90) / 0.85 = 70.5 / 0.85 = 82.941… → 82.94
        Assert.Equal(82.94m, result.Score);
        Assert.True(result.Renormalised);
        Assert.Equal([AssessorGroup.Self], result.MissingGroups);
    }

    [Fact]
    public void ZeroWeightGroupIsNeverMissing()
    {
        var result = Composite.Combine([new(AssessorGroup.ThirdParty, 0.7m, 60m), new(AssessorGroup.Coordinator, 0.3m, 70m), new(AssessorGroup.Self, 0m, null)])!;

        Assert.Equal(63m, result.Score);
        Assert.False(result.Renormalised);
    }

    [Fact]
    public void NoScoredGroupGivesNoComposite() =>
        Assert.Null(Composite.Combine([new(AssessorGroup.ThirdParty, 0.6m, null), new(AssessorGroup.Coordinator, 0.25m, null), new(AssessorGroup.Self, 0.15m, null)]));

    [Fact]
    public void CompositeIsPublishedToTwoDecimalsHalfAwayFromZero() =>
        Assert.Equal(66.67m, Composite.Combine([new(AssessorGroup.ThirdParty, 0.6m, 66.665m), new(AssessorGroup.Coordinator, 0.4m, 66.665m)])!.Score);

    [Fact]
    public void DefaultWeightsAreSixtyTwentyFiveFifteenAndValid()
    {
        Assert.Equal(new GroupWeights(0.6m, 0.25m, 0.15m), GroupWeights.Default);
        Assert.Empty(GroupWeights.Default.Problems());
    }

    [Theory]
    [InlineData(0.4, 0.4, 0.2, "weigh more")]
    [InlineData(0.5, 0.5, 0, "weigh more")]
    [InlineData(0.6, 0.3, 0.2, "sum to 1")]
    [InlineData(1.2, -0.1, -0.1, "between 0 and 1")]
    public void ThirdPartyMustWeighMostAndWeightsSumToOne(double thirdParty, double coordinator, double self, string expected) =>
        Assert.Contains(new GroupWeights((decimal)thirdParty, (decimal)coordinator, (decimal)self).Problems(), p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void GroupNamesRoundTrip()
    {
        Assert.Equal(["third-party", "coordinator", "self"], AssessorGroups.All.Select(g => g.Name()));
        Assert.All(AssessorGroups.All, g => Assert.True(AssessorGroups.TryParse(g.Name(), out var parsed) && parsed == g));
        Assert.False(AssessorGroups.TryParse("peer", out _));
    }
}
