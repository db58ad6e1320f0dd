using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Tests.Domain.Supervision;

/// <summary>Peer reports, their limits, findings and appeals (domain.md §3.4, §4.3).</summary>
public sealed class SupervisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AReportAboutOneselfIsRefused()
    {
        var refused = Assert.Throws<SupervisionRuleException>(() => PeerReport.File(Guid.NewGuid(), "hz", "hz", null, 1, "all good", Now));

        Assert.Equal("Report about oneself", refused.Title);
    }

    [Fact]
    public void AReportNeedsAFulfilmentBetweenZeroAndOne()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PeerReport.File(Guid.NewGuid(), "hz", "nb", null, 1.5, "x", Now));
    }

    [Fact]
    public void AReporterMayFileThreeReportsOnOneCityPerThirtyDays()
    {
        var limit = PeerReportLimit.Default;
        var earlier = Enumerable.Range(0, 3).Select(i => Report("nb", Now.AddDays(-20 + i))).ToList();

        Assert.Equal(Now.AddDays(-20 + 30), limit.RetryAfter(earlier, "nb", Now));
        Assert.Null(limit.RetryAfter(earlier, "sh", Now));
        Assert.Null(limit.RetryAfter(earlier.Take(2).ToList(), "nb", Now));
        Assert.Null(limit.RetryAfter(earlier, "nb", Now.AddDays(10).AddTicks(1)));
    }

    [Fact]
    public void AReporterMayFileTwentyReportsADay()
    {
        var today = Enumerable.Range(0, 20).Select(i => Report($"c{i}", Now.AddHours(-i))).ToList();

        Assert.Equal(Now.AddHours(-19).AddDays(1), PeerReportLimit.Default.RetryAfter(today, "new", Now));
    }

    [Theory]
    [InlineData(FindingSeverity.Minor, 1)]
    [InlineData(FindingSeverity.Major, 3)]
    [InlineData(FindingSeverity.Severe, 6)]
    public void AFindingWeighsBySeverity(FindingSeverity severity, double weight)
    {
        Assert.Equal(weight, SupervisionFinding.WeightOf(severity));
    }

    [Fact]
    public void AFindingForcesTierDUntilRemediedAndWaited()
    {
        var finding = new SupervisionFinding { Kind = FindingKind.Concealment, Severity = FindingSeverity.Major, RecordedAt = Now, RemediedAt = Now.AddDays(5) };
        var wait = TimeSpan.FromDays(90);

        Assert.False(finding.ForcesTierDAt(Now.AddTicks(-1), wait));
        Assert.True(finding.ForcesTierDAt(Now.AddDays(94), wait));
        Assert.False(finding.ForcesTierDAt(Now.AddDays(95), wait));
    }

    [Fact]
    public void AMinorLateReportDoesNotForceTierD()
    {
        Assert.False(new SupervisionFinding { Kind = FindingKind.LateReport, Severity = FindingSeverity.Major }.ForcesTierD);
    }

    [Fact]
    public void AnAppealIsDecidedOnce()
    {
        var appeal = new Appeal { Id = Guid.NewGuid(), Status = AppealStatus.Pending };

        appeal.Decide(upheld: true, "the report was mistaken", Now);

        Assert.Equal((AppealStatus.Upheld, Now), (appeal.Status, appeal.DecidedAt!.Value));
        Assert.Throws<SupervisionRuleException>(() => appeal.Decide(upheld: false, "again", Now));
    }

    private static PeerReport Report(string subject, DateTimeOffset at) => PeerReport.File(Guid.NewGuid(), "hz", subject, null, 0, "x", at);
}
