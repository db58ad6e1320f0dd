using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Domain.Scoring;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>One assessor's scores of one subject (editable until the round closes, one per assessor and subject).</summary>
public sealed class AssessmentTests
{
    private static readonly Guid Round = Guid.Parse("6f1c7d52-3a0e-4c55-9a43-0d4f3b8a9e11");
    private static readonly DateTimeOffset Submitted = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static AssessmentContent Content(decimal score, string comment = "on time", params string[] evidence) =>
        new(new Dictionary<string, decimal> { ["coordination"] = score }, new Dictionary<string, string> { ["coordination"] = comment }, evidence);

    [Fact]
    public void TheSameAssessorOfTheSameSubjectAlwaysGetsTheSameId() =>
        Assert.Equal(
            Assessment.IdFor(Round, AssessorGroup.ThirdParty, "panel-1", "hangzhou"),
            Assessment.IdFor(Round, AssessorGroup.ThirdParty, "panel-1", "hangzhou"));

    [Fact]
    public void EachPartOfWhoAssessesWhomGivesAnotherId()
    {
        var ids = new[]
        {
            Assessment.IdFor(Round, AssessorGroup.ThirdParty, "panel-1", "hangzhou"),
            Assessment.IdFor(Guid.NewGuid(), AssessorGroup.ThirdParty, "panel-1", "hangzhou"),
            Assessment.IdFor(Round, AssessorGroup.Coordinator, "panel-1", "hangzhou"),
            Assessment.IdFor(Round, AssessorGroup.ThirdParty, "panel-2", "hangzhou"),
            Assessment.IdFor(Round, AssessorGroup.ThirdParty, "panel-1", "jiaxing"),
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void ASubmissionIsTheFirstRevisionWithWhatTheAssessorStated()
    {
        var assessment = Assessment.Submit(Round, "hangzhou", AssessorGroup.Self, "hangzhou", Content(82, "drill held", "doc-1"), Submitted);

        Assert.Equal(Assessment.IdFor(Round, AssessorGroup.Self, "hangzhou", "hangzhou"), assessment.Id);
        Assert.Equal((Round, "hangzhou", AssessorGroup.Self, "hangzhou"), (assessment.RoundId, assessment.SubjectId, assessment.Group, assessment.AssessorId));
        Assert.Equal(82m, assessment.Scores["coordination"]);
        Assert.Equal("drill held", assessment.Comments["coordination"]);
        Assert.Equal(["doc-1"], assessment.EvidenceRefs);
        Assert.Equal((Submitted, Submitted, 1), (assessment.SubmittedAt, assessment.UpdatedAt, assessment.Revision));
    }

    [Fact]
    public void AnEditReplacesTheContentAndCountsARevisionButKeepsTheSubmissionTime()
    {
        var assessment = Assessment.Submit(Round, "hangzhou", AssessorGroup.ThirdParty, "panel-1", Content(60, "late", "doc-1"), Submitted);

        assessment.Edit(Content(70, "late but complete", "doc-2"), Submitted.AddHours(3));

        Assert.Equal(70m, assessment.Scores["coordination"]);
        Assert.Equal("late but complete", assessment.Comments["coordination"]);
        Assert.Equal(["doc-2"], assessment.EvidenceRefs);
        Assert.Equal((Submitted, Submitted.AddHours(3), 2), (assessment.SubmittedAt, assessment.UpdatedAt, assessment.Revision));
    }

    [Fact]
    public void ItsScoreSheetIsWhatTheCalculationReads()
    {
        var sheet = Assessment.Submit(Round, "hangzhou", AssessorGroup.Coordinator, "coordinating-body", Content(75), Submitted).ToSheet();

        Assert.Equal(("hangzhou", AssessorGroup.Coordinator, "coordinating-body"), (sheet.SubjectId, sheet.Group, sheet.AssessorId));
        Assert.Equal(75m, sheet.Scores["coordination"]);
    }
}
