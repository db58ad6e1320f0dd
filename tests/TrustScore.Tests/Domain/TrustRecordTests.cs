using TrustScore.Api.Domain;

namespace TrustScore.Tests.Domain;

public sealed class TrustRecordTests
{
    private static readonly DateTimeOffset JoinedAt = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = JoinedAt.AddDays(10);

    [Fact]
    public void OpensWithNoEvidenceTheNeutralScoreAndTierM()
    {
        var record = TrustRecord.Open("hangzhou", JoinedAt);

        Assert.Equal(0, record.EvidenceWeight());
        Assert.Equal(0.5, record.Score);
        Assert.Equal(1.0, record.Uncertainty);
        Assert.Equal(TrustTier.M, record.Tier);
    }

    [Fact]
    public void JoiningTakesTheNameAndTheJoinDate()
    {
        var record = TrustRecord.Open("hangzhou", JoinedAt);

        record.Join("Hangzhou", JoinedAt);

        Assert.Equal("Hangzhou", record.Name);
        Assert.Equal(JoinedAt, record.JoinedAt);
        Assert.Equal(TrustRecord.JoinedVersion, record.Version);
    }

    [Fact]
    public void UpdatesNameGivenANewerVersion()
    {
        var record = Joined();

        Assert.True(record.Update("Hangzhou City", 2, Later));
        Assert.Equal("Hangzhou City", record.Name);
        Assert.Equal(2, record.Version);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void IgnoresAnUpdateNoNewerThanTheOneApplied(long version)
    {
        var record = Joined();
        record.Update("Hangzhou City", 2, Later);

        Assert.False(record.Update("Stale name", version, Later.AddDays(1)));
        Assert.Equal("Hangzhou City", record.Name);
    }

    [Fact]
    public void AJoinArrivingAfterAnUpdateKeepsTheNewerName()
    {
        var record = TrustRecord.Open("hangzhou", Later);
        record.Update("Hangzhou City", 3, Later);

        record.Join("Hangzhou", JoinedAt);

        Assert.Equal("Hangzhou City", record.Name);
        Assert.Equal(3, record.Version);
        Assert.Equal(JoinedAt, record.JoinedAt);
    }

    private static TrustRecord Joined()
    {
        var record = TrustRecord.Open("hangzhou", JoinedAt);
        record.Join("Hangzhou", JoinedAt);
        return record;
    }
}
