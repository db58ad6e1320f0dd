using CsCheck;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Scoring;

namespace TrustScore.Tests.Domain.Scoring;

/// <summary>What holds for any evidence ("must show").</summary>
public sealed partial class TrustCalculationTests
{
    private static readonly Gen<(int Kept, int Broken, int Day)> Histories = Gen.Select(Gen.Int[0, 30], Gen.Int[0, 30], Gen.Int[0, 60]);

    [Fact]
    public void MoreFulfilledEvidenceNeverLowersAScore()
    {
        Gen.Select(Histories, Gen.Int[1, 5], Gen.Double[0.1, 5], Gen.Int[0, 400]).Sample((history, extra, weight, age) =>
        {
            var asOf = Evidence.Start.AddDays(history.Day + age);
            var before = TrustCalculation.Assess(new Evidence("hz").Kept(history.Kept).Broken(history.Broken).Build(), asOf, TrustPolicy.Default);
            var after = TrustCalculation.Assess(
                new Evidence("hz").Kept(history.Kept).Broken(history.Broken).Kept(extra, weight, history.Day).Build(), asOf, TrustPolicy.Default);

            Assert.True(after.Score >= before.Score, $"{before.Score} → {after.Score}");
        });
    }

    [Fact]
    public void ADefaultNeverRaisesAScore()
    {
        Gen.Select(Histories, Gen.Double[0, 0.99], Gen.Double[0.1, 5]).Sample((history, fulfilment, weight) =>
        {
            var asOf = Evidence.Start.AddDays(history.Day + 1);
            var before = TrustCalculation.Assess(new Evidence("hz").Kept(history.Kept).Broken(history.Broken).Build(), asOf, TrustPolicy.Default);
            var after = TrustCalculation.Assess(
                new Evidence("hz").Kept(history.Kept).Broken(history.Broken).Settled(1, weight, fulfilment, history.Day, Api.Domain.Commitments.VerificationSource.ThirdParty).Build(),
                asOf, TrustPolicy.Default);

            var kept = TrustCalculation.Assess(
                new Evidence("hz").Kept(history.Kept).Broken(history.Broken).Kept(1, weight, history.Day).Build(), asOf, TrustPolicy.Default);

            // The default weighs in at the fraction paid: the score moves toward that fraction, never above the score with no default
            // unless what was paid beats the city's record, and always below what keeping the commitment would have earned.
            Assert.True(after.Score <= Math.Max(before.Score, fulfilment) + 1e-12);
            Assert.True(after.Score < kept.Score);
        });
    }

    [Fact]
    public void ADefaultWithNothingFulfilledAlwaysLowersTheScore()
    {
        Gen.Select(Histories, Gen.Double[0.1, 5]).Sample((history, weight) =>
        {
            var asOf = Evidence.Start.AddDays(history.Day + 1);
            var before = TrustCalculation.Assess(new Evidence("hz").Kept(history.Kept).Broken(history.Broken).Build(), asOf, TrustPolicy.Default);
            var after = TrustCalculation.Assess(new Evidence("hz").Kept(history.Kept).Broken(history.Broken).Broken(1, weight, history.Day).Build(), asOf, TrustPolicy.Default);

            Assert.True(after.Score < before.Score);
        });
    }

    [Fact]
    public void TimeWithoutNewEvidenceMovesTheScoreTowardThePrior()
    {
        Gen.Select(Histories, Gen.Int[1, 1000]).Sample((history, days) =>
        {
            var evidence = new Evidence("hz").Kept(history.Kept).Broken(history.Broken).Build();
            var now = TrustCalculation.Assess(evidence, Evidence.Start, TrustPolicy.Default);
            var later = TrustCalculation.Assess(evidence, Evidence.Start.AddDays(days), TrustPolicy.Default);

            Assert.True(Math.Abs(later.Score - 0.5) <= Math.Abs(now.Score - 0.5) + 1e-12);
            Assert.True(later.Uncertainty >= now.Uncertainty - 1e-12);
        });
    }

    [Fact]
    public void MutualPraiseOfAColludingPairGainsThemNothing()
    {
        Gen.Select(Histories, Gen.Int[1, 20], Gen.Double[0, 1]).Sample((history, praises, reporterWeight) =>
        {
            var honest = new Evidence("a").Kept(history.Kept).Broken(history.Broken);
            var colluding = new Evidence("a").Kept(history.Kept).Broken(history.Broken).Weight("b", reporterWeight);
            for (var i = 0; i < praises; i++)
            {
                colluding.Report("b", 1, history.Day);
            }

            var asOf = Evidence.Start.AddDays(history.Day);
            var alone = TrustCalculation.Assess(honest.Build(), asOf, TrustPolicy.Default);
            var praised = TrustCalculation.Assess(colluding.Build(), asOf, TrustPolicy.Default);

            Assert.Equal(alone.Score, praised.Score);
            Assert.Equal(alone.Tier, praised.Tier);
        });
    }
}
