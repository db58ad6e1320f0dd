using Evaluation.Api.Domain;
using Evaluation.Api.Domain.Rounds;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>open → closed → published, and published results are immutable.</summary>
public sealed class EvaluationRoundTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly RoundResults Empty = new(null, false, 0, []);

    private static EvaluationRound Open() => new() { Id = Guid.NewGuid(), Deadline = Now.AddDays(10), Status = RoundStatus.Open };

    [Fact]
    public void OpenRoundTakesAssessmentsUntilItsDeadline()
    {
        var round = Open();

        round.RequireOpenForAssessments(Now);
        round.RequireOpenForAssessments(Now.AddDays(10));
        Assert.Equal("Deadline passed", Assert.Throws<EvaluationRuleException>(() => round.RequireOpenForAssessments(Now.AddDays(10).AddTicks(1))).Title);
    }

    [Fact]
    public void ClosedRoundTakesNoAssessmentsAndIsPublishedOnce()
    {
        var round = Open();
        round.Close(Now);

        Assert.True(Assert.Throws<EvaluationRuleException>(() => round.RequireOpenForAssessments(Now)).IsConflict);
        round.Publish(Empty, [new GoodPractice("a", "Shared pumping teams", "…")], Now.AddDays(1));
        Assert.Equal((RoundStatus.Published, (DateTimeOffset?)Now.AddDays(1)), (round.Status, round.PublishedAt));
        Assert.Single(round.GoodPractices);

        var twice = Assert.Throws<EvaluationRuleException>(() => round.Publish(Empty, [], Now.AddDays(2)));
        Assert.Equal(("Already published", true), (twice.Title, twice.IsConflict));
        Assert.Equal(Now.AddDays(1), round.PublishedAt);
    }

    [Fact]
    public void OpenRoundMustBeClosedBeforePublishing()
    {
        var round = Open();

        Assert.Equal("Wrong round state", Assert.Throws<EvaluationRuleException>(() => round.Publish(Empty, [], Now)).Title);
        Assert.Equal(RoundStatus.Open, round.Status);
    }

    [Fact]
    public void EvaluatorsAreAssignedOnlyWhileOpen()
    {
        var round = Open();
        round.AssignEvaluators([new EvaluatorAssignment("e1", ["a"])]);

        Assert.True(round.Assigns("e1", "a"));
        Assert.False(round.Assigns("e1", "b"));
        Assert.False(round.Assigns("e2", "a"));
        round.Close(Now);
        Assert.Throws<EvaluationRuleException>(() => round.AssignEvaluators([]));
        Assert.Throws<EvaluationRuleException>(() => round.Close(Now));
    }

    [Fact]
    public void AssessmentIdIsOnePerRoundGroupAssessorAndSubject()
    {
        var roundId = Guid.NewGuid();

        Assert.Equal(Assessment.IdFor(roundId, Evaluation.Api.Domain.Scoring.AssessorGroup.ThirdParty, "e1", "a"), Assessment.IdFor(roundId, Evaluation.Api.Domain.Scoring.AssessorGroup.ThirdParty, "e1", "a"));
        Assert.NotEqual(Assessment.IdFor(roundId, Evaluation.Api.Domain.Scoring.AssessorGroup.ThirdParty, "e1", "a"), Assessment.IdFor(roundId, Evaluation.Api.Domain.Scoring.AssessorGroup.ThirdParty, "e1", "b"));
    }
}
