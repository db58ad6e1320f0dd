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
    public void NoMembersMeansNoWeights()
    {
        Assert.Empty(GlobalTrust.ReporterWeights(new Dictionary<string, double>(), []));
    }
}
