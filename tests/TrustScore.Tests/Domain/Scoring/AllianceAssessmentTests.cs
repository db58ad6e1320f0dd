using CsCheck;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Scoring;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Tests.Domain.Scoring;

/// <summary>The whole alliance recomputed at once, as the sweeper's periodic pass and the benchmark do.</summary>
public sealed class AllianceAssessmentTests
{
    private static readonly DateTimeOffset AsOf = Evidence.Start.AddDays(30);

    [Fact]
    public void TheVerifiedStandingIsTheAssessmentsVerifiedKeptMinusBroken()
    {
        Gen.Select(Gen.Int[0, 20], Gen.Int[0, 20], Gen.Int[0, 3]).Sample((kept, broken, findings) =>
        {
            var evidence = new Evidence("hz").Kept(kept, day: 3).Broken(broken, day: 7);
            for (var i = 0; i < findings; i++)
            {
                evidence.Finding(FindingKind.LateReport, FindingSeverity.Minor, day: i);
            }

            var built = evidence.Build();
            Assert.Equal(TrustCalculation.Assess(built, AsOf, TrustPolicy.Default).VerifiedStanding, TrustCalculation.VerifiedStanding(built, AsOf, TrustPolicy.Default), 1e-9);
        });
    }

    [Fact]
    public void ComplaintsFromACityWithAVerifiedRecordLowerTheSubjectAndOnesFromACityWithoutDoNot()
    {
        var honest = new Evidence("honest").Kept(10);
        var subject = new Evidence("subject").Kept(10).Report("honest", 0).Report("nobody", 0);
        var nobody = new Evidence("nobody");
        var commitments = honest.Commitments.Concat(subject.Commitments.Select(c => { c.Id = "s" + c.Id; return c; })).ToList();

        var alliance = AllianceAssessment.AssessAll(["honest", "subject", "nobody"], commitments, [], subject.Reports.Concat(nobody.Reports), AsOf, TrustPolicy.Default);

        Assert.Equal(0, alliance.ReporterWeights["nobody"]);
        Assert.True(alliance.ReporterWeights["honest"] > 0);
        var assessment = alliance.Assessments["subject"];
        Assert.Equal(alliance.ReporterWeights["honest"] * TrustPolicy.Default.Forgetting.Decay(Evidence.Start, AsOf), assessment.PeerNetNegative, 1e-9);
        Assert.True(assessment.Score < alliance.Assessments["honest"].Score);
    }
}
