using Evaluation.Api.Domain.Scoring;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>Rewards and penalties by grade, in yuan to the fen.</summary>
public sealed class IncentiveScheduleTests
{
    [Fact]
    public void GradeNotInTheScheduleEarnsAndCostsNothing()
    {
        var schedule = new IncentiveSchedule(new Dictionary<string, GradeIncentive> { ["优"] = new(500m, 0m) });

        Assert.Equal(new GradeIncentive(500m, 0m), schedule.For("优"));
        Assert.Equal(new GradeIncentive(0m, 0m), schedule.For("中"));
        Assert.Empty(schedule.Problems());
    }

    [Fact]
    public void DefaultRewardsExcellentAndGoodAndPenalisesPoor()
    {
        Assert.Equal([100_000m, 30_000m, 0m, 0m], Grade.All.Select(g => IncentiveSchedule.Default.For(g).Reward));
        Assert.Equal([0m, 0m, 0m, 50_000m], Grade.All.Select(g => IncentiveSchedule.Default.For(g).Penalty));
        Assert.Empty(IncentiveSchedule.Default.Problems());
    }

    [Theory]
    [InlineData("A", 1, 0, "not a grade")]
    [InlineData("优", -1, 0, "non-negative")]
    [InlineData("优", 0.001, 0, "two decimals")]
    [InlineData("差", 10, 10, "both")]
    public void BadSchedulesAreDescribed(string grade, double reward, double penalty, string expected) =>
        Assert.Contains(
            new IncentiveSchedule(new Dictionary<string, GradeIncentive> { [grade] = new((decimal)reward, (decimal)penalty) }).Problems(),
            p => p.Contains(expected, StringComparison.Ordinal));
}
