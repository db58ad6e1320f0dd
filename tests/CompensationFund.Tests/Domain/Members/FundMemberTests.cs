using CompensationFund.Api.Domain.Members;

namespace CompensationFund.Tests.Domain.Members;

/// <summary>
/// The fund's record of a member, built from other services' events that may arrive late, twice or out of order: a
/// later fact is never overwritten by an earlier one (docs/messaging.md, "Not yet").
/// </summary>
public sealed class FundMemberTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AJoinGivesAnUnknownCityItsDetailsAtTheJoinedVersion()
    {
        var member = FundMember.Unknown("a");

        member.Join("City A", "Zhejiang", 1_000_000, 12.5m, Now);

        Assert.Equal(("a", "City A", "Zhejiang", 1_000_000L, 12.5m, FundMember.JoinedVersion, Now, Now),
            (member.CityId, member.Name, member.Province, member.Population, member.GdpCny, member.Version, member.UpdatedAt, member.JoinedAt));
    }

    [Fact]
    public void AJoinAfterALaterUpdateKeepsTheUpdatesDetailsAndRecordsTheJoin()
    {
        var member = FundMember.Unknown("a");
        Assert.True(member.Update("City A (renamed)", "Zhejiang", 2_000_000, 20m, 3, Now));

        member.Join("City A", "Zhejiang", 1_000_000, 12.5m, Now.AddDays(-5));

        Assert.Equal(("City A (renamed)", 2_000_000L, 20m, 3L, Now), (member.Name, member.Population, member.GdpCny, member.Version, member.UpdatedAt));
        Assert.Equal(Now.AddDays(-5), member.JoinedAt);
    }

    [Fact]
    public void ASecondJoinChangesNothing()
    {
        var member = FundMember.Unknown("a");
        member.Join("City A", "Zhejiang", 1_000_000, 12.5m, Now);

        member.Join("Other", "Other", 1, 1m, Now.AddDays(1));

        Assert.Equal(("City A", Now, Now), (member.Name, member.JoinedAt, member.UpdatedAt));
    }

    [Fact]
    public void AnUpdateAppliesOnlyWhenItIsNewerThanWhatIsHeld()
    {
        var member = FundMember.Unknown("a");
        member.Join("City A", "Zhejiang", 1_000_000, 12.5m, Now);

        Assert.False(member.Update("Stale", "Zhejiang", 5, 5m, FundMember.JoinedVersion, Now.AddDays(1)));
        Assert.Equal("City A", member.Name);
        Assert.True(member.Update("City A 2", "Jiangsu", 3, 4m, 2, Now.AddDays(2)));
        Assert.Equal(("City A 2", "Jiangsu", 3L, 4m, 2L, Now.AddDays(2)), (member.Name, member.Province, member.Population, member.GdpCny, member.Version, member.UpdatedAt));
        Assert.False(member.Update("Older", "Jiangsu", 3, 4m, 2, Now.AddDays(3)));
        Assert.Equal("City A 2", member.Name);
    }

    [Fact]
    public void ATierChangeAppliesOnlyWhenLaterThanTheOneHeld()
    {
        var member = FundMember.Unknown("a");

        Assert.True(member.ChangeTier("B", Now));
        Assert.False(member.ChangeTier("D", Now));
        Assert.False(member.ChangeTier("D", Now.AddDays(-1)));
        Assert.Equal(("B", (DateTimeOffset?)Now), (member.TrustTier, member.TierChangedAt));
        Assert.True(member.ChangeTier("A", Now.AddSeconds(1)));
        Assert.Equal(("A", (DateTimeOffset?)Now.AddSeconds(1)), (member.TrustTier, member.TierChangedAt));
    }

    [Fact]
    public void AGradeAppliesOnlyWhenPublishedAfterTheOneHeld()
    {
        var member = FundMember.Unknown("a");
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        Assert.True(member.Grade("良", first, Now));
        Assert.False(member.Grade("差", second, Now));
        Assert.Equal(("良", (Guid?)first, (DateTimeOffset?)Now), (member.LatestGrade, member.GradeRoundId, member.GradedAt));
        Assert.True(member.Grade("优", second, Now.AddDays(1)));
        Assert.Equal(("优", (Guid?)second, (DateTimeOffset?)Now.AddDays(1)), (member.LatestGrade, member.GradeRoundId, member.GradedAt));
    }

    [Fact]
    public void AnUnknownCityHasNoDetailsAndTheInsufficientEvidenceTier()
    {
        var member = FundMember.Unknown("a");

        Assert.Equal(("a", 0L, (DateTimeOffset?)null, Platform.Contracts.Trust.TrustTiers.Insufficient), (member.CityId, member.Version, member.JoinedAt, member.TrustTier));
    }

    [Fact]
    public void AnUnknownCityHasNoNameOrProvinceUntilItsDetailsArrive()
    {
        var member = FundMember.Unknown("a");

        Assert.Equal((string.Empty, string.Empty), (member.Name, member.Province));
    }
}
