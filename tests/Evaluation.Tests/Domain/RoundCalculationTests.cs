using Evaluation.Api.Domain.Criteria;
using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Domain.Scoring;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>A whole round's results from its score sheets (domain.md §4.4).</summary>
public sealed class RoundCalculationTests
{
    private static readonly LeafCriterion[] Criteria = [new("c1", "C1", "C1", 0.5), new("c2", "C2", "C2", 0.5)];

    private static readonly Subject[] Subjects =
    [
        new("a", Subject.City, "A"), new("b", Subject.City, "B"), new(Subject.CoordinatingBodyId, Subject.CoordinatingBody, "Coordinating body"),
    ];

    private static readonly IncentiveSchedule Money = new(new Dictionary<string, GradeIncentive> { ["优"] = new(1000m, 0m), ["差"] = new(0m, 300m) });

    private static RoundRules Rules(params string[] evaluators) =>
        new(Criteria, Subjects, GroupWeights.Default, [.. evaluators.Select(e => new EvaluatorAssignment(e, [.. Subjects.Select(s => s.Id)]))], InflationPolicy.Default, Money);

    private static ScoreSheet Sheet(string subject, AssessorGroup group, string assessor, decimal c1, decimal c2) =>
        new(subject, group, assessor, new Dictionary<string, decimal> { ["c1"] = c1, ["c2"] = c2 });

    /// <summary>Three evaluators who broadly agree; a excels, b is poor and inflates its self-assessment.</summary>
    private static List<ScoreSheet> AgreeingPanel() =>
    [
        Sheet("a", AssessorGroup.ThirdParty, "e1", 92, 94), Sheet("a", AssessorGroup.ThirdParty, "e2", 90, 92), Sheet("a", AssessorGroup.ThirdParty, "e3", 94, 96),
        Sheet("b", AssessorGroup.ThirdParty, "e1", 50, 52), Sheet("b", AssessorGroup.ThirdParty, "e2", 48, 50), Sheet("b", AssessorGroup.ThirdParty, "e3", 52, 54),
        Sheet(Subject.CoordinatingBodyId, AssessorGroup.ThirdParty, "e1", 70, 72), Sheet(Subject.CoordinatingBodyId, AssessorGroup.ThirdParty, "e2", 68, 70),
        Sheet(Subject.CoordinatingBodyId, AssessorGroup.ThirdParty, "e3", 72, 74),
        Sheet("a", AssessorGroup.Coordinator, Subject.CoordinatingBodyId, 90, 90), Sheet("b", AssessorGroup.Coordinator, Subject.CoordinatingBodyId, 50, 50),
        Sheet(Subject.CoordinatingBodyId, AssessorGroup.Coordinator, Subject.CoordinatingBodyId, 80, 80),
        Sheet("a", AssessorGroup.Self, "a", 95, 95), Sheet("b", AssessorGroup.Self, "b", 90, 90),
    ];

    [Fact]
    public void ReliableRoundCombinesGroupsCapsInflationAndPaysByGrade()
    {
        var results = RoundCalculation.Compute(Rules("e1", "e2", "e3"), AgreeingPanel());

        Assert.True(results.Reliable, $"α = {results.Alpha}");
        Assert.Equal(3, results.PanelSize);
        var a = results.Subjects.Single(s => s.SubjectId == "a");
        var b = results.Subjects.Single(s => s.SubjectId == "b");
        var body = results.Subjects.Single(s => s.SubjectId == Subject.CoordinatingBodyId);

        // a: panel 93, coordinator 90, self 95 → 0.6·93 + 0.25·90 + 0.15·95 = 55.8 + 22.5 + 14.25 = 92.55
        Assert.Equal([93m, 90m, 95m], a.Groups.Select(g => g.Score));
        Assert.Equal((92.55m, "优", 1000m, 0m), (a.Composite!.Value, a.Grade!, a.Reward!.Value, a.Penalty!.Value));
        Assert.Null(a.Inflation);

        // b: panel 51, self 90 is 39 above → capped at 61: 0.6·51 + 0.25·50 + 0.15·61 = 30.6 + 12.5 + 9.15 = 52.25
        Assert.Equal((90m, 51m, 39m, (decimal?)61m), (b.Inflation!.SelfScore, b.Inflation.ThirdPartyScore, b.Inflation.Gap, b.Inflation.CountedSelfScore));
        Assert.Equal((52.25m, "差", 0m, 300m), (b.Composite!.Value, b.Grade!, b.Reward!.Value, b.Penalty!.Value));

        // The coordinating body has no self group: panel 71, coordinator 80 → (0.6·71 + 0.25·80)/0.85 = 73.65; no money.
        Assert.Equal((73.65m, false, (decimal?)null), (body.Composite!.Value, body.Renormalised, body.Reward));
        Assert.Equal(["a", Subject.CoordinatingBodyId, "b"], results.Subjects.Select(s => s.SubjectId));
        Assert.Equal([1, 2, 3], results.Subjects.Select(s => s.Rank!.Value));
        Assert.Equal([1, 2, 3], results.Subjects.Select(s => s.TopsisRank!.Value));
    }

    [Fact]
    public void DisagreeingPanelIsUnreliableAndMovesNoMoney()
    {
        List<ScoreSheet> sheets =
        [
            Sheet("a", AssessorGroup.ThirdParty, "e1", 95, 20), Sheet("a", AssessorGroup.ThirdParty, "e2", 20, 95),
            Sheet("b", AssessorGroup.ThirdParty, "e1", 30, 90), Sheet("b", AssessorGroup.ThirdParty, "e2", 90, 30),
        ];

        var results = RoundCalculation.Compute(Rules("e1", "e2"), sheets);

        Assert.False(results.Reliable);
        Assert.True(results.Alpha < KrippendorffAlpha.ReliableFrom);
        Assert.All(results.Subjects.Where(s => s.Composite is not null), s => Assert.True(s.Reward is null && s.Penalty is null));
    }

    [Fact]
    public void MissingSelfAssessmentIsReNormalisedAndFlagged()
    {
        var sheets = AgreeingPanel().Where(s => !(s.SubjectId == "a" && s.Group == AssessorGroup.Self)).ToList();

        var a = RoundCalculation.Compute(Rules("e1", "e2", "e3"), sheets).Subjects.Single(s => s.SubjectId == "a");

        // (0.6·93 + 0.25·90) / 0.85 = 78.3 / 0.85 = 92.117… → 92.12
        Assert.Equal((92.12m, true), (a.Composite!.Value, a.Renormalised));
        Assert.Equal(["self"], a.MissingGroups);
    }

    [Fact]
    public void DropPolicyRemovesTheInflatedSelfScore()
    {
        var rules = Rules("e1", "e2", "e3") with { Inflation = new InflationPolicy(10m, InflationAction.Drop) };

        var b = RoundCalculation.Compute(rules, AgreeingPanel()).Subjects.Single(s => s.SubjectId == "b");

        // (0.6·51 + 0.25·50) / 0.85 = 43.1 / 0.85 = 50.705… → 50.71
        Assert.Equal((50.71m, true), (b.Composite!.Value, b.Renormalised));
        Assert.Null(b.Inflation!.CountedSelfScore);
    }

    [Fact]
    public void SubjectNobodyAssessedHasNoCompositeAndNoRank()
    {
        var results = RoundCalculation.Compute(Rules("e1"), [Sheet("a", AssessorGroup.Coordinator, Subject.CoordinatingBodyId, 70, 70)]);

        var b = results.Subjects.Single(s => s.SubjectId == "b");
        Assert.Equal((null, null, null), (b.Composite, b.Rank, b.Grade));
        Assert.Null(results.Alpha);
        Assert.False(results.Reliable);
    }

    [Fact]
    public void EqualCompositesShareARank()
    {
        var results = RoundCalculation.Compute(Rules(), [
            Sheet("a", AssessorGroup.Coordinator, Subject.CoordinatingBodyId, 70, 70),
            Sheet("b", AssessorGroup.Coordinator, Subject.CoordinatingBodyId, 70, 70),
            Sheet(Subject.CoordinatingBodyId, AssessorGroup.Coordinator, Subject.CoordinatingBodyId, 60, 60)]);

        Assert.Equal([1, 1, 3], results.Subjects.Select(s => s.Rank!.Value));
    }
}
