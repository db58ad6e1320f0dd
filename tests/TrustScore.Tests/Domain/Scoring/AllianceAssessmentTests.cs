using CsCheck;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;
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
        var commitments = Together(honest, subject);

        var alliance = AllianceAssessment.AssessAll(["honest", "subject", "nobody"], commitments, [], subject.Reports.Concat(nobody.Reports), AsOf, TrustPolicy.Default);

        Assert.Equal(0, alliance.ReporterWeights["nobody"]);
        Assert.True(alliance.ReporterWeights["honest"] > 0);
        var assessment = alliance.Assessments["subject"];
        Assert.Equal(alliance.ReporterWeights["honest"] * TrustPolicy.Default.Forgetting.Decay(Evidence.Start, AsOf), assessment.PeerNetNegative, 1e-9);
        Assert.True(assessment.Score < alliance.Assessments["honest"].Score);
    }

    [Fact]
    public void EachCitysFiguresAreExactlyThoseOfItsOwnAssessmentWithTheAlliancesReporterWeights()
    {
        Gen.Int.Sample(seed =>
        {
            var (cities, commitments, findings, reports) = RandomAlliance(new Random(seed));

            var alliance = AllianceAssessment.AssessAll(cities, commitments, findings, reports, AsOf, TrustPolicy.Default);

            foreach (var city in cities)
            {
                var own = new CityEvidence(
                    city, [.. commitments.Where(c => c.Debtor == city)], [.. findings.Where(f => f.CityId == city)], [.. reports.Where(r => r.SubjectCityId == city)],
                    alliance.ReporterWeights);
                Assert.Equal(TrustCalculation.Assess(own, AsOf, TrustPolicy.Default).Figures(), alliance.Assessments[city]);
            }
        }, iter: 60);
    }

    [Fact]
    public void TheOrderInWhichFindingsAndCommitmentsArriveChangesNothing()
    {
        Gen.Int.Sample(seed =>
        {
            var (cities, commitments, findings, reports) = RandomAlliance(new Random(seed));
            var tally = new AllianceTally(cities, AsOf, TrustPolicy.Default);
            findings.ForEach(tally.Add);
            reports.ForEach(tally.Add);
            commitments.ForEach(tally.Add);

            var figures = tally.Complete().Assessments;

            Assert.Equal(AllianceAssessment.AssessAll(cities, commitments, findings, reports, AsOf, TrustPolicy.Default).Assessments, figures);
        }, iter: 20);
    }

    [Fact]
    public void ACommitmentOfACityOutsideTheAllianceCountsNowhere()
    {
        var outsider = new Evidence("outsider").Broken(5);
        var member = new Evidence("member").Kept(3);

        var alliance = AllianceAssessment.AssessAll(["member"], Together(member, outsider), [], [], AsOf, TrustPolicy.Default);

        Assert.Equal(["member"], alliance.Assessments.Keys);
        Assert.Equal(TrustCalculation.Assess(member.Build(), AsOf, TrustPolicy.Default).Figures(), alliance.Assessments["member"]);
    }

    [Fact]
    public void TheReporterWeightsAreEigenTrustOverVerifiedStandingsAndDecayedReports()
    {
        var policy = TrustPolicy.Default;
        var hz = new Evidence("hz").Kept(10).Finding(FindingKind.LateReport, FindingSeverity.Major, day: 2);
        var nb = new Evidence("nb").Kept(5);
        var newcomer = new Evidence("new").Report("hz", 1, day: 5).Report("hz", 1, day: 10).Report("nb", 0.25, day: 3);
        var commitments = Together(hz, nb);
        double Decay(int day) => policy.Forgetting.Decay(Evidence.Start.AddDays(day), AsOf);

        var alliance = AllianceAssessment.AssessAll(["hz", "nb", "new"], commitments, hz.Findings, newcomer.Reports, AsOf, policy);

        var standing = new Dictionary<string, double>
        {
            ["hz"] = TrustCalculation.VerifiedStanding(hz.Build(), AsOf, policy), ["nb"] = TrustCalculation.VerifiedStanding(nb.Build(), AsOf, policy), ["new"] = 0,
        };
        var expected = GlobalTrust.ReporterWeights(
            standing, [new PeerOpinion("hz", "new", Decay(5) + Decay(10), 0), new PeerOpinion("nb", "new", 0.25 * Decay(3), 0.75 * Decay(3))], policy.Damping);
        Assert.True(standing["hz"] < 10 * Decay(0), "the finding takes its decayed weight off hz's standing");
        Assert.All(expected, w => Assert.Equal(w.Value, alliance.ReporterWeights[w.Key], 1e-12));
    }

    [Fact]
    public void AFindingAboutAnotherCityOrNotYetRecordedLeavesTheVerifiedStandingAlone()
    {
        var own = new Evidence("hz").Kept(4).Build();
        var aboutAnother = new Evidence("nb").Finding(FindingKind.LateReport, FindingSeverity.Major, day: 1).Findings[0];
        var recordedLater = new Evidence("hz").Finding(FindingKind.LateReport, FindingSeverity.Major, day: 40).Findings[0];

        var withBoth = own with { Findings = [aboutAnother, recordedLater] };

        Assert.Equal(TrustCalculation.VerifiedStanding(own, AsOf, TrustPolicy.Default), TrustCalculation.VerifiedStanding(withBoth, AsOf, TrustPolicy.Default));
    }

    /// <summary>The commitments of several cities in one list, each id prefixed with its debtor (each city numbers its own from c0).</summary>
    private static List<Commitment> Together(params Evidence[] cities) =>
        [.. cities.SelectMany(e => e.Commitments).Select(c => { c.Id = $"{c.Debtor}:{c.Id}"; return c; })];

    /// <summary>Four cities with kept, late, partial, withdrawn and severe defaulted (some remedied) commitments, findings and peer reports.</summary>
    private static (string[] Cities, List<Commitment> Commitments, List<SupervisionFinding> Findings, List<PeerReport> Reports) RandomAlliance(Random random)
    {
        string[] cities = ["hz", "jx", "hu", "nb"];
        var commitments = new List<Commitment>();
        for (var i = 0; i < random.Next(40); i++)
        {
            var due = Evidence.Start.AddDays(random.Next(25));
            var kind = (CommitmentKind)random.Next(7);
            var c = Commitment.Open($"c{i}", cities[random.Next(4)], ["fund"], kind, 1 + random.Next(3), (VerificationSource)random.Next(4), "test", due.AddDays(-3), due);
            c.SevereIfDefaulted = kind == CommitmentKind.Settlement;
            switch (random.Next(5))
            {
                case 0: c.Settle(random.NextDouble(), due.AddDays(random.Next(-2, 4)), "settled"); break;
                case 1: c.DefaultIfOverdue(due.AddDays(8), TimeSpan.FromDays(7)); break;
                case 2:
                    c.DefaultIfOverdue(due.AddDays(8), TimeSpan.FromDays(7));
                    c.RecordRemedy(due.AddDays(random.Next(9, 20)), "paid");
                    break;
                case 3: c.Settle(1, due, "kept"); c.Withdraw(due.AddDays(random.Next(1, 40)), "appeal upheld"); break;
                default: break;
            }

            commitments.Add(c);
        }

        var findings = Enumerable.Range(0, random.Next(4)).Select(i => new SupervisionFinding
        {
            Id = Guid.NewGuid(), CityId = cities[random.Next(4)], Kind = (FindingKind)random.Next(6), Severity = (FindingSeverity)random.Next(3), Description = "found",
            FoundBy = "coordinating-body", FoundAt = Evidence.Start.AddDays(random.Next(25)), RecordedAt = Evidence.Start.AddDays(random.Next(25)),
            RemediedAt = random.Next(2) == 0 ? Evidence.Start.AddDays(random.Next(30)) : null,
        }).ToList();
        var reports = Enumerable.Range(0, random.Next(30)).Select(i =>
        {
            var reporter = random.Next(4);
            return PeerReport.File(Guid.NewGuid(), cities[reporter], cities[(reporter + 1 + random.Next(3)) % 4], null, random.Next(2), "seen", Evidence.Start.AddDays(random.Next(40)));
        }).ToList();
        return (cities, commitments, findings, reports);
    }
}
