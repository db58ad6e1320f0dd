using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Scoring;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Tests.Domain.Scoring;

/// <summary>A city's trust from its evidence at a date (domain.md §4.3).</summary>
public sealed partial class TrustCalculationTests
{
    private static readonly TrustPolicy NoForgetting = TrustPolicy.Default with { Forgetting = Forgetting.None };
    private static readonly DateTimeOffset Later = Evidence.Start.AddDays(10);

    [Fact]
    public void EightKeptAndTwoBrokenCommitmentsScoreThreeQuartersTierB()
    {
        var a = TrustCalculation.Assess(new Evidence("hz").Kept(8).Broken(2).Build(), Later, NoForgetting);

        Assert.Equal((8.0, 2.0), (a.R, a.S));
        Assert.Equal(0.75, a.Score, 1e-12);
        Assert.Equal(750, a.Display);
        Assert.Equal(TrustTier.B, a.Tier);
        Assert.Equal(10, a.Items.Count);
    }

    [Fact]
    public void TheExplanationListsItsItemsByDateAndThenByIdentifier()
    {
        var a = TrustCalculation.Assess(new Evidence("hz").Kept(1, day: 5).Kept(1, day: 1).Kept(1, day: 1).Build(), Later, NoForgetting);

        Assert.Equal(["c1", "c2", "c0"], a.Items.Select(i => i.Id));
    }

    [Fact]
    public void NoEvidenceIsTheNeutralPriorAtTierM()
    {
        var a = TrustCalculation.Assess(new Evidence("hz").Build(), Later, TrustPolicy.Default);

        Assert.Equal((0.5, 1.0, TrustTier.M), (a.Score, a.Uncertainty, a.Tier));
    }

    [Fact]
    public void EvidenceRecordedAfterTheDateDoesNotCount()
    {
        var evidence = new Evidence("hz").Kept(3, day: 0).Broken(4, day: 20).Build();

        var before = TrustCalculation.Assess(evidence, Later, NoForgetting);
        var after = TrustCalculation.Assess(evidence, Evidence.Start.AddDays(30), NoForgetting);

        Assert.Equal((3.0, 0.0), (before.R, before.S));
        Assert.Equal((3.0, 4.0), (after.R, after.S));
    }

    [Fact]
    public void OlderEvidenceIsDecayedAndTheItemSaysByHowMuch()
    {
        var policy = TrustPolicy.Default with { Forgetting = Forgetting.FromHalfLife(10) };

        var a = TrustCalculation.Assess(new Evidence("hz").Kept(1, weight: 2, day: 0).Build(), Evidence.Start.AddDays(10), policy);

        Assert.Equal(1.0, a.R, 1e-12);
        var item = Assert.Single(a.Items);
        Assert.Equal(0.5, item.Decay, 1e-12);
        Assert.Equal((2.0, 1.0), (item.Weight, item.Fulfilment));
    }

    [Fact]
    public void SelfDeclaredEvidenceCountsHalfAndCounterpartyThreeQuarters()
    {
        var a = TrustCalculation.Assess(
            new Evidence("hz").Kept(1, source: VerificationSource.Self).Kept(1, source: VerificationSource.Counterparty).Build(), Later, NoForgetting);

        Assert.Equal(1.25, a.R, 1e-12);
        Assert.Equal([0.5, 0.75], a.Items.Select(i => i.Discount).Order());
        Assert.Contains(a.Items, i => i.Verification == "self");
    }

    [Fact]
    public void AFindingCountsFullyAsBrokenEvidenceWeightedBySeverity()
    {
        var a = TrustCalculation.Assess(new Evidence("hz").Kept(10).Finding(FindingKind.LateReport, FindingSeverity.Major).Build(), Later, NoForgetting);

        Assert.Equal(3.0, a.S, 1e-12);
        Assert.False(a.SevereDefault);
        Assert.Contains(a.Items, i => i.Source == "finding" && i.Kind == "late-report");
    }

    [Theory]
    [InlineData(FindingKind.Concealment, FindingSeverity.Minor)]
    [InlineData(FindingKind.NonCooperation, FindingSeverity.Severe)]
    public void ProvenConcealmentOrASevereFindingIsTierDWhateverTheScore(FindingKind kind, FindingSeverity severity)
    {
        var a = TrustCalculation.Assess(new Evidence("hz").Kept(100).Finding(kind, severity).Build(), Later, NoForgetting);

        Assert.True(a.Score > 0.9);
        Assert.Equal(TrustTier.D, a.Tier);
        Assert.Equal("finding", Assert.Single(a.SevereDefaults).Source);
    }

    [Fact]
    public void AnUnpaidSettlementPastItsGracePeriodIsTierDUntilRemediedAndWaited()
    {
        var evidence = new Evidence("hz").Kept(20);
        var settlement = Commitment.Open("s", "hz", ["fund"], CommitmentKind.Settlement, 3, VerificationSource.ThirdParty, "settlement", Evidence.Start, Evidence.Start.AddDays(1));
        settlement.Amount = 100m;
        settlement.SevereIfDefaulted = true;
        var defaultedAt = Evidence.Start.AddDays(1) + TrustPolicy.Default.GracePeriod + TimeSpan.FromHours(1);
        settlement.DefaultIfOverdue(defaultedAt, TrustPolicy.Default.GracePeriod);
        settlement.RecordRemedy(defaultedAt.AddDays(1), "paid");
        evidence.Commitments.Add(settlement);

        var during = TrustCalculation.Assess(evidence.Build(), defaultedAt.AddDays(2), NoForgetting);
        var repaired = TrustCalculation.Assess(evidence.Build(), defaultedAt.AddDays(1) + NoForgetting.RepairWaitingPeriod, NoForgetting);

        Assert.Equal(TrustTier.D, during.Tier);
        Assert.Equal(defaultedAt.AddDays(1) + NoForgetting.RepairWaitingPeriod, Assert.Single(during.SevereDefaults).LiftsAt);
        Assert.NotEqual(TrustTier.D, repaired.Tier);
    }

    [Fact]
    public void AWithdrawnFindingNoLongerCountsFromItsWithdrawal()
    {
        var evidence = new Evidence("hz").Kept(10).Finding(FindingKind.Concealment, FindingSeverity.Major);
        var finding = evidence.Findings[0];
        var before = TrustCalculation.Assess(evidence.Build(), Later, NoForgetting);

        finding.WithdrawnAt = Later.AddDays(1);
        var restored = TrustCalculation.Assess(evidence.Build(), Later.AddDays(1), NoForgetting);
        var clean = TrustCalculation.Assess(new Evidence("hz").Kept(10).Build(), Later.AddDays(1), NoForgetting);

        Assert.Equal(TrustTier.D, before.Tier);
        Assert.Equal((clean.Score, clean.Tier), (restored.Score, restored.Tier));
        Assert.Equal(TrustTier.D, TrustCalculation.Assess(evidence.Build(), Later, NoForgetting).Tier);
    }

    [Fact]
    public void EvidenceAboutAnotherCityIsIgnored()
    {
        var evidence = new Evidence("hz").Kept(3);
        evidence.Findings.Add(new SupervisionFinding { Id = Guid.NewGuid(), CityId = "other", Severity = FindingSeverity.Severe, RecordedAt = Evidence.Start, FoundAt = Evidence.Start });

        var a = TrustCalculation.Assess(evidence.Build(), Later, NoForgetting);

        Assert.Equal((3.0, 0.0, false), (a.R, a.S, a.SevereDefault));
    }
}
