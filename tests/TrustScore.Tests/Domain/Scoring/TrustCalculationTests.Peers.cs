using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Scoring;

namespace TrustScore.Tests.Domain.Scoring;

/// <summary>Horizontal supervision in the score: discounted by the reporter's trust, filtered when far from the consensus.</summary>
public sealed partial class TrustCalculationTests
{
    [Fact]
    public void OnlyReportsAboutTheCityFiledByTheDateCount()
    {
        var evidence = new Evidence("hz").Kept(8).Weight("nb", 1).Report("nb", 0, about: "jx").Report("nb", 0, day: 20).Build();

        var a = TrustCalculation.Assess(evidence, Later, NoForgetting);

        Assert.Equal(0, a.S);
        Assert.DoesNotContain(a.Items, i => i.Source == "peer-report");
    }

    [Fact]
    public void AComplaintLowersTheScoreByTheReportersWeight()
    {
        var a = TrustCalculation.Assess(new Evidence("hz").Kept(8).Weight("nb", 0.5).Report("nb", 0).Build(), Later, NoForgetting);

        Assert.Equal(0.5, a.S, 1e-12);
        Assert.Equal(0.5, a.PeerNetNegative, 1e-12);
        var item = Assert.Single(a.Items, i => i.Source == "peer-report");
        Assert.Equal(("nb", 0.5), (item.Reporter, item.Discount));
    }

    [Fact]
    public void AReporterWithoutTrustWeighsNothing()
    {
        var a = TrustCalculation.Assess(new Evidence("hz").Kept(8).Report("sybil", 0).Report("sybil", 0).Build(), Later, NoForgetting);

        Assert.Equal(0, a.S);
    }

    [Fact]
    public void PraiseOffsetsComplaintsButNeverAddsToTheScore()
    {
        var a = TrustCalculation.Assess(
            new Evidence("hz").Kept(8).Weight("nb", 1).Weight("hu", 1).Weight("jx", 1).Report("nb", 0).Report("hu", 1).Report("jx", 1).Build(), Later, NoForgetting);

        Assert.Equal((8.0, 0.0), (a.R, a.S));
    }

    [Fact]
    public void AReporterFarFromTheConsensusIsFilteredAndTheExplanationSaysWhy()
    {
        var evidence = new Evidence("hz").Kept(8);
        foreach (var reporter in new[] { "a", "b", "c", "d", "e", "f" })
        {
            evidence.Weight(reporter, 1).Report(reporter, 1).Report(reporter, 1);
        }

        evidence.Weight("smear", 1).Report("smear", 0).Report("smear", 0).Report("smear", 0);

        var a = TrustCalculation.Assess(evidence.Build(), Later, NoForgetting);

        var filtered = Assert.Single(a.FilteredReports);
        Assert.Equal("smear", filtered.Reporter);
        Assert.True(filtered.Consensus > filtered.Upper);
        Assert.Contains("outside", filtered.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(a.Items, i => i.Reporter == "smear");
        Assert.Equal(0, a.S);
    }

    [Fact]
    public void AStruckReportStopsCounting()
    {
        var evidence = new Evidence("hz").Kept(8).Weight("nb", 1).Report("nb", 0);
        evidence.Reports[0].StruckAt = Later;

        Assert.Equal(1, TrustCalculation.Assess(evidence.Build(), Later.AddTicks(-1), NoForgetting).S);
        Assert.Equal(0, TrustCalculation.Assess(evidence.Build(), Later, NoForgetting).S);
    }
}
