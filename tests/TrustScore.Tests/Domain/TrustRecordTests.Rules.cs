using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Scoring;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Tests.Domain;

/// <summary>The edges of a city's record: the neutral prior, joins and updates in any order, tier changes (domain.md §4.3).</summary>
public sealed class TrustRecordRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static TrustAssessment Assessed(double r, double s, TrustTier tier, DateTimeOffset asOf) =>
        new("hangzhou", asOf, r, s, (r + 1) / (r + s + 2), 2 / (r + s + 2), tier, false, r - s, [], [], [], 0);

    [Fact]
    public void OpensForTheCityAtTheNeutralPrior()
    {
        var record = TrustRecord.Open("hangzhou", Now);

        Assert.Equal(("hangzhou", Now), (record.CityId, record.UpdatedAt));
        Assert.Equal((0.5, 1.0, TrustTier.M), (record.Score, record.Uncertainty, record.Tier));
    }

    [Fact]
    public void ItsEvidenceWeightIsKeptPlusBroken()
    {
        var record = TrustRecord.Open("hangzhou", Now);
        record.Apply(Assessed(8, 2, TrustTier.B, Now), null);

        Assert.Equal(10, record.EvidenceWeight());
    }

    [Fact]
    public void AnAssessmentReturnsThePreviousTierOnlyWhenTheTierChanged()
    {
        var record = TrustRecord.Open("hangzhou", Now);

        Assert.Equal(TrustTier.M, record.Apply(Assessed(8, 2, TrustTier.B, Now.AddDays(1)), Now.AddDays(90)));
        Assert.Null(record.Apply(Assessed(9, 2, TrustTier.B, Now.AddDays(2)), null));
        Assert.Equal((9.0, 2.0, TrustTier.B), (record.Positive, record.Negative, record.Tier));
        Assert.Equal(Now.AddDays(2), record.AssessedAt);
    }

    [Fact]
    public void AnAssessmentAsOfAnEarlierDateDoesNotMoveTheLastUpdateBack()
    {
        var record = TrustRecord.Open("hangzhou", Now);

        record.Apply(Assessed(1, 0, TrustTier.M, Now.AddDays(-3)), null);
        Assert.Equal(Now, record.UpdatedAt);

        record.Apply(Assessed(1, 0, TrustTier.M, Now.AddDays(3)), null);
        Assert.Equal(Now.AddDays(3), record.UpdatedAt);
    }

    [Fact]
    public void ARedeliveredJoinKeepsTheFirstNameAndJoinTime()
    {
        var record = TrustRecord.Open("hangzhou", Now);

        record.Join("Hangzhou", Now);
        record.Join("Hangzhou (again)", Now.AddDays(1));

        Assert.Equal(("Hangzhou", TrustRecord.JoinedVersion, (DateTimeOffset?)Now), (record.Name, record.Version, record.JoinedAt));
    }
}

/// <summary>Appeals and the in-force edges of supervision evidence (domain.md §4.3: members may appeal a finding).</summary>
public sealed class SupervisionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true, AppealStatus.Upheld)]
    [InlineData(false, AppealStatus.Dismissed)]
    public void TheCoordinatingBodyUpholdsOrDismissesAnAppealOnce(bool upheld, AppealStatus status)
    {
        var appeal = new Appeal { Id = Guid.NewGuid(), CityId = "hz", EvidenceKind = EvidenceKind.Finding, EvidenceId = "f1", FiledAt = Now };

        appeal.Decide(upheld, "reviewed the minutes", Now.AddDays(3));

        Assert.Equal((status, "reviewed the minutes", (DateTimeOffset?)Now.AddDays(3)), (appeal.Status, appeal.Decision, appeal.DecidedAt));
        var again = Assert.Throws<SupervisionRuleException>(() => appeal.Decide(!upheld, "second thoughts", Now.AddDays(4)));
        Assert.Equal("Appeal already decided", again.Title);
        Assert.Contains(status.ToString().ToLowerInvariant(), again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AReportCountsFromTheMomentItIsFiled()
    {
        var report = PeerReport.File(Guid.NewGuid(), "hz", "sh", "c1", 0.25, "late again", Now);

        Assert.True(report.InForceAt(Now));
        Assert.False(report.InForceAt(Now.AddTicks(-1)));
        Assert.Equal(("hz", "sh", "c1", 0.25, "late again"), (report.ReporterCityId, report.SubjectCityId, report.CommitmentId, report.Fulfilment, report.Comment));
    }

    [Fact]
    public void AReportWithoutANumberForItsFulfilmentIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PeerReport.File(Guid.NewGuid(), "hz", "sh", null, double.NaN, "?", Now));

    [Fact]
    public void AFindingCountsFromTheMomentItIsRecorded()
    {
        var finding = new SupervisionFinding { CityId = "hz", Kind = FindingKind.LateReport, Severity = FindingSeverity.Minor, RecordedAt = Now };

        Assert.True(finding.InForceAt(Now));
        Assert.False(finding.InForceAt(Now.AddTicks(-1)));
    }

    [Fact]
    public void AReportOlderThanTheWindowNoLongerLimits()
    {
        var limit = new PeerReportLimit(1, TimeSpan.FromDays(30), 20);
        var old = PeerReport.File(Guid.NewGuid(), "hz", "sh", null, 1, "ok", Now.AddDays(-30));

        Assert.Null(limit.RetryAfter([old], "sh", Now));
        Assert.Equal(Now.AddDays(-29).AddDays(30), limit.RetryAfter([PeerReport.File(Guid.NewGuid(), "hz", "sh", null, 1, "ok", Now.AddDays(-29))], "sh", Now));
    }

    [Fact]
    public void AReportFiledExactlyADayAgoNoLongerCountsTowardsTheDailyLimit()
    {
        var limit = new PeerReportLimit(5, TimeSpan.FromDays(30), 1);
        var yesterday = PeerReport.File(Guid.NewGuid(), "hz", "sh", null, 1, "ok", Now.AddDays(-1));

        Assert.Null(limit.RetryAfter([yesterday], "gz", Now));
    }
}
