using Communication.Api.Domain.Members;

namespace Communication.Tests.Members;

/// <summary>A member city as communication learns it from cost-sharing's member events, in any order and more than once.</summary>
public sealed class CommunicationMemberTests
{
    private static readonly DateTimeOffset Joined = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnUnknownCityHasOnlyItsId()
    {
        var member = CommunicationMember.Unknown("hangzhou");

        Assert.Equal("hangzhou", member.CityId);
        Assert.Equal(0, member.Version);
        Assert.Null(member.JoinedAt);
        Assert.Equal(string.Empty, member.Name);
    }

    [Fact]
    public void JoiningTakesTheDetailsAtTheJoinedVersion()
    {
        var member = CommunicationMember.Unknown("hangzhou");

        member.Join("Hangzhou", "Zhejiang", Joined);

        Assert.Equal(("Hangzhou", "Zhejiang", CommunicationMember.JoinedVersion, (DateTimeOffset?)Joined), (member.Name, member.Province, member.Version, member.JoinedAt));
    }

    [Fact]
    public void ARedeliveredJoinKeepsTheFirstJoinTime()
    {
        var member = CommunicationMember.Unknown("hangzhou");
        member.Join("Hangzhou", "Zhejiang", Joined);

        member.Join("Hangzhou", "Zhejiang", Joined.AddDays(1));

        Assert.Equal(Joined, member.JoinedAt);
    }

    [Fact]
    public void AJoinArrivingAfterAnUpdateDoesNotOverwriteTheNewerDetails()
    {
        var member = CommunicationMember.Unknown("hangzhou");
        Assert.True(member.Update("Hangzhou City", "Zhejiang Province", 3));

        member.Join("Hangzhou", "Zhejiang", Joined);

        Assert.Equal(("Hangzhou City", "Zhejiang Province", 3L), (member.Name, member.Province, member.Version));
        Assert.Equal(Joined, member.JoinedAt);
    }

    [Fact]
    public void AnUpdateAppliesOnlyWhenNewer()
    {
        var member = CommunicationMember.Unknown("hangzhou");
        member.Join("Hangzhou", "Zhejiang", Joined);

        Assert.False(member.Update("Stale", "Stale", CommunicationMember.JoinedVersion));
        Assert.Equal("Hangzhou", member.Name);

        Assert.True(member.Update("Hangzhou City", "Zhejiang Province", 2));
        Assert.Equal(("Hangzhou City", "Zhejiang Province", 2L), (member.Name, member.Province, member.Version));
    }
}
