using CsCheck;
using TrustScore.Api.Domain.Scoring;

namespace TrustScore.Tests.Domain.Scoring;

/// <summary>EigenTrust with the coordinating body and accredited third parties pre-trusted: who may weigh in as a reporter.</summary>
public sealed class GlobalTrustTests
{
    [Fact]
    public void CitiesWithAVerifiedRecordWeighInAndOnesWithoutDoNot()
    {
        var standing = new Dictionary<string, double> { ["hz"] = 10, ["nb"] = 10, ["new"] = 0 };

        var weights = GlobalTrust.ReporterWeights(standing, []);

        Assert.Equal(1, weights["hz"], 1e-9);
        Assert.Equal(1, weights["nb"], 1e-9);
        Assert.Equal(0, weights["new"]);
    }

    [Fact]
    public void TwoCitiesWithoutAVerifiedRecordPraisingEachOtherGainNoWeight()
    {
        var standing = new Dictionary<string, double> { ["hz"] = 10, ["nb"] = 8, ["x"] = 0, ["y"] = 0 };

        var weights = GlobalTrust.ReporterWeights(standing, [new PeerOpinion("x", "y", 50, 0), new PeerOpinion("y", "x", 50, 0)]);

        Assert.Equal(0, weights["x"]);
        Assert.Equal(0, weights["y"]);
    }

    [Fact]
    public void AnHonestCitysVouchingPassesSomeOfItsTrustOn()
    {
        var standing = new Dictionary<string, double> { ["hz"] = 10, ["new"] = 0 };

        var weights = GlobalTrust.ReporterWeights(standing, [new PeerOpinion("hz", "new", 3, 0)]);

        Assert.True(weights["new"] > 0);
    }

    [Fact]
    public void NegativeStandingAndComplaintsPassNoTrust()
    {
        var standing = new Dictionary<string, double> { ["hz"] = 10, ["bad"] = -5, ["z"] = 0 };

        var weights = GlobalTrust.ReporterWeights(standing, [new PeerOpinion("hz", "z", 0, 4), new PeerOpinion("bad", "bad", 9, 0)]);

        Assert.Equal(0, weights["bad"]);
        Assert.Equal(0, weights["z"]);
    }

    [Fact]
    public void WeightsStayBetweenZeroAndOneForAnyGraph()
    {
        var cities = new[] { "a", "b", "c", "d", "e" };
        var opinions = Gen.Select(Gen.Int[0, 4].Select(i => cities[i]), Gen.Int[0, 4].Select(i => cities[i]), Gen.Double[0, 5], Gen.Double[0, 5])
            .Select((r, s, k, b) => new PeerOpinion(r, s, k, b)).Array[0, 20];
        Gen.Select(Gen.Double[-5, 20].Array[5], opinions).Sample((standing, edges) =>
        {
            var weights = GlobalTrust.ReporterWeights(cities.Zip(standing).ToDictionary(x => x.First, x => x.Second), edges);

            Assert.All(weights.Values, w => Assert.InRange(w, 0, 1));
        });
    }

    [Fact]
    public void ACitysWeightIsItsTrustOverTheAverageCitysWithTheCoordinatingBodyPreTrusted()
    {
        // Worked by hand (damping 0.15): the pre-trusted peer splits its trust between a and b, a passes all of its
        // own on to b, b has no opinion and sends its share back. Stationary: t(a) = 0.425·t0, t(b) = 0.78625·t0,
        // so a weighs 0.425 / 0.605625 = 40/57 of the average city and b more than the average (capped at 1).
        var standing = new Dictionary<string, double> { ["a"] = 1, ["b"] = 1 };

        var weights = GlobalTrust.ReporterWeights(standing, [new PeerOpinion("a", "b", 1, 0)]);

        Assert.Equal(40.0 / 57, weights["a"], 1e-9);
        Assert.Equal(1, weights["b"]);
    }

    [Fact]
    public void AReportersOpinionsOfOneSubjectAddUpBeforeItsTrustIsShared()
    {
        // hz holds all verified standing; it vouches twice for nb and once for jx, so nb receives twice jx's share.
        var standing = new Dictionary<string, double> { ["hz"] = 5, ["nb"] = 0, ["jx"] = 0 };

        var weights = GlobalTrust.ReporterWeights(
            standing, [new PeerOpinion("hz", "nb", 1, 0), new PeerOpinion("hz", "nb", 1, 0), new PeerOpinion("hz", "jx", 1, 0)]);

        Assert.InRange(weights["nb"], 0.01, 0.99);
        Assert.Equal(2 * weights["jx"], weights["nb"], 1e-9);
    }

    [Fact]
    public void OpinionsFromOrAboutCitiesOutsideTheAllianceCountForNothing()
    {
        var standing = new Dictionary<string, double> { ["hz"] = 5, ["nb"] = 2, ["jx"] = 0 };
        PeerOpinion[] members = [new("hz", "jx", 2, 0), new("nb", "hz", 1, 0)];

        var weights = GlobalTrust.ReporterWeights(standing, [.. members, new("outsider", "jx", 9, 0), new("hz", "outsider", 9, 0)]);

        Assert.Equal(GlobalTrust.ReporterWeights(standing, members), weights);
    }

    [Fact]
    public void NoMembersMeansNoWeights()
    {
        Assert.Empty(GlobalTrust.ReporterWeights(new Dictionary<string, double>(), []));
    }
}
