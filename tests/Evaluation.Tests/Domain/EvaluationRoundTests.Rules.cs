using Evaluation.Api.Domain;
using Evaluation.Api.Domain.Criteria;
using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Domain.Scoring;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>What a round answers about itself, and the reasons it gives when a step is refused.</summary>
public sealed class EvaluationRoundRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid RoundId = Guid.Parse("0b6f7c1e-2d4a-4f3b-9c8d-1e2f3a4b5c6d");

    private static EvaluationRound Round() => new()
    {
        Id = RoundId, Deadline = Now.AddDays(10), Status = RoundStatus.Open,
        Criteria = [new LeafCriterion("c1", "C1", "C1", 1)],
        Subjects = [new Subject("hz", Subject.City, "Hangzhou"), new Subject(Subject.CoordinatingBodyId, Subject.CoordinatingBody, "Body")],
        Evaluators = [new EvaluatorAssignment("e1", ["hz"])],
    };

    [Fact]
    public void ItsRulesAreItsOwnCriteriaSubjectsWeightsPanelInflationRuleAndSchedule()
    {
        var round = Round();

        var rules = round.Rules();

        Assert.Same(round.Criteria, rules.Criteria);
        Assert.Same(round.Subjects, rules.Subjects);
        Assert.Same(round.Weights, rules.Weights);
        Assert.Same(round.Evaluators, rules.Evaluators);
        Assert.Same(round.Inflation, rules.Inflation);
        Assert.Same(round.Incentives, rules.Incentives);
    }

    [Fact]
    public void SubjectsAndEvaluatorsAreFoundByTheirIds()
    {
        var round = Round();

        Assert.Equal("Hangzhou", round.SubjectOf("hz")!.Name);
        Assert.Null(round.SubjectOf("jx"));
        Assert.Null(round.SubjectOf(null));
        Assert.True(round.HasEvaluator("e1"));
        Assert.False(round.HasEvaluator("e2"));
        Assert.False(round.Assigns(null, "hz"));
        Assert.True(new Subject("hz", Subject.City, "Hangzhou").IsCity);
        Assert.False(round.SubjectOf(Subject.CoordinatingBodyId)!.IsCity);
    }

    [Fact]
    public void AssigningEvaluatorsReplacesThePanel()
    {
        var round = Round();

        round.AssignEvaluators([new EvaluatorAssignment("e2", ["hz"]), new EvaluatorAssignment("e3", ["hz"])]);

        Assert.Equal(["e2", "e3"], round.Evaluators.Select(e => e.EvaluatorId));
    }

    [Fact]
    public void ClosingRecordsWhen()
    {
        var round = Round();

        round.Close(Now.AddDays(3));

        Assert.Equal((RoundStatus.Closed, (DateTimeOffset?)Now.AddDays(3)), (round.Status, round.ClosedAt));
    }

    [Fact]
    public void PublishingFixesTheResults()
    {
        var round = Round();
        var results = new RoundResults(0.9, true, 1, []);
        round.Close(Now);

        round.Publish(results, [], Now.AddDays(1));

        Assert.Same(results, round.Results);
    }

    [Fact]
    public void RefusalsSayWhyAndAreConflicts()
    {
        var round = Round();
        round.Close(Now);

        var closed = Assert.Throws<EvaluationRuleException>(() => round.RequireOpenForAssessments(Now));
        Assert.Equal(("Round closed", $"Round {RoundId} is closed; assessments are taken and edited only while it is open."), (closed.Title, closed.Message));
        var wrong = Assert.Throws<EvaluationRuleException>(() => round.Close(Now));
        Assert.Equal($"Round {RoundId} is closed; only a round that is open may be closed.", wrong.Message);
        Assert.True(wrong.IsConflict);
        Assert.Equal(
            $"Round {RoundId} is closed; only a round that is open may have its evaluators assigned.",
            Assert.Throws<EvaluationRuleException>(() => round.AssignEvaluators([])).Message);

        round.Publish(new RoundResults(null, false, 0, []), [], Now.AddDays(1));
        Assert.Equal(
            $"Round {RoundId} was published at {Now.AddDays(1):O}; published results are immutable.",
            Assert.Throws<EvaluationRuleException>(() => round.Publish(new RoundResults(null, false, 0, []), [], Now.AddDays(2))).Message);
    }

    [Fact]
    public void AnOpenRoundPastItsDeadlineSaysWhen()
    {
        var late = Assert.Throws<EvaluationRuleException>(() => Round().RequireOpenForAssessments(Now.AddDays(11)));

        Assert.Equal(($"The deadline of round {RoundId} passed at {Now.AddDays(10):O}; assessments are no longer taken or edited.", true), (late.Message, late.IsConflict));
    }

    [Fact]
    public void AnOpenRoundCannotBePublished() =>
        Assert.Equal(
            $"Round {RoundId} is open; only a round that is closed may be published.",
            Assert.Throws<EvaluationRuleException>(() => Round().Publish(new RoundResults(null, false, 0, []), [], Now)).Message);

    [Fact]
    public void StatusNamesAreLowerCase() =>
        Assert.Equal(["open", "closed", "published"], Enum.GetValues<RoundStatus>().Select(EvaluationRound.StatusName));

    [Fact]
    public void GroupWeightsAreReadPerGroup() =>
        Assert.Equal([0.6m, 0.25m, 0.15m], AssessorGroups.All.Select(GroupWeights.Default.Of));
}
