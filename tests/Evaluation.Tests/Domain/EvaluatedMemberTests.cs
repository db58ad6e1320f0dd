using Evaluation.Api.Domain.Members;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>The participants evaluation assesses (domain.md §3.3), learnt from cost-sharing's member events in any order.</summary>
public sealed class EvaluatedMemberTests
{
    private static readonly DateTimeOffset Joined = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnUnknownCityHasOnlyItsId()
    {
        var member = EvaluatedMember.Unknown("hangzhou");

        Assert.Equal(("hangzhou", 0L, string.Empty), (member.CityId, member.Version, member.Name));
        Assert.Null(member.JoinedAt);
    }

    [Fact]
    public void JoiningTakesTheDetailsAtTheJoinedVersionAndKeepsTheFirstJoinTime()
    {
        var member = EvaluatedMember.Unknown("hangzhou");

        member.Join("Hangzhou", "Zhejiang", Joined);
        member.Join("Hangzhou", "Zhejiang", Joined.AddDays(1));

        Assert.Equal(("Hangzhou", "Zhejiang", EvaluatedMember.JoinedVersion), (member.Name, member.Province, member.Version));
        Assert.Equal(Joined, member.JoinedAt);
    }

    [Fact]
    public void AJoinArrivingAfterAnUpdateDoesNotOverwriteTheNewerDetails()
    {
        var member = EvaluatedMember.Unknown("hangzhou");
        Assert.True(member.Update("Hangzhou City", "Zhejiang Province", 3));

        member.Join("Hangzhou", "Zhejiang", Joined);

        Assert.Equal(("Hangzhou City", "Zhejiang Province", 3L), (member.Name, member.Province, member.Version));
        Assert.Equal(Joined, member.JoinedAt);
    }

    [Fact]
    public void AnUpdateAppliesOnlyWhenNewer()
    {
        var member = EvaluatedMember.Unknown("hangzhou");
        member.Join("Hangzhou", "Zhejiang", Joined);

        Assert.False(member.Update("Stale", "Stale", EvaluatedMember.JoinedVersion));
        Assert.Equal("Hangzhou", member.Name);
        Assert.True(member.Update("Hangzhou City", "Zhejiang Province", 2));
        Assert.Equal(("Hangzhou City", "Zhejiang Province", 2L), (member.Name, member.Province, member.Version));
    }
}
