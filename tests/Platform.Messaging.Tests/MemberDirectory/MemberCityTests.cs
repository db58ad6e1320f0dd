using Platform.MemberDirectory;
using Xunit;

namespace Platform.Messaging.Tests.MemberDirectory;

/// <summary>The member directory's rules: events may arrive twice, late or out of order, and the newest details win.</summary>
public sealed class MemberCityTests
{
    private static readonly DateTimeOffset JoinedAt = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void AJoinGivesTheCityItsDetailsAtTheRegistrationVersion()
    {
        var city = MemberCity.Unknown("hangzhou");

        city.Join("杭州", "浙江", JoinedAt);

        Assert.Equal(("杭州", "浙江", JoinedAt, MemberCity.JoinedVersion), (city.Name, city.Province, city.JoinedAt, city.Version));
        Assert.True(city.HasJoined);
    }

    [Fact]
    public void AnUnknownCityHasOnlyItsId()
    {
        var city = MemberCity.Unknown("hangzhou");

        Assert.Equal(("hangzhou", string.Empty, string.Empty, 0L), (city.CityId, city.Name, city.Province, city.Version));
        Assert.Null(city.JoinedAt);
        Assert.False(city.HasJoined);
    }

    [Fact]
    public void ASecondJoinWithOtherDetailsChangesNothing()
    {
        var city = MemberCity.Unknown("hangzhou");
        city.Join("杭州", "浙江", JoinedAt);

        city.Join("别名", "别省", JoinedAt);

        Assert.Equal(("杭州", "浙江", MemberCity.JoinedVersion), (city.Name, city.Province, city.Version));
    }

    [Fact]
    public void AJoinArrivingAfterAnUpdateKeepsTheUpdatedDetailsAndRecordsTheJoin()
    {
        var city = MemberCity.Unknown("hangzhou");
        Assert.True(city.Update("杭州市", "浙江省", version: 3));

        city.Join("杭州", "浙江", JoinedAt);

        Assert.Equal(("杭州市", "浙江省", 3L), (city.Name, city.Province, city.Version));
        Assert.Equal(JoinedAt, city.JoinedAt);
    }

    [Fact]
    public void ASecondJoinKeepsTheFirstJoiningTime()
    {
        var city = MemberCity.Unknown("hangzhou");
        city.Join("杭州", "浙江", JoinedAt);

        city.Join("杭州", "浙江", JoinedAt.AddDays(5));

        Assert.Equal(JoinedAt, city.JoinedAt);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AnUpdateNoNewerThanTheAppliedOneIsIgnored(long version)
    {
        var city = MemberCity.Unknown("hangzhou");
        city.Update("杭州市", "浙江省", version: 2);

        Assert.False(city.Update("旧名", "旧省", version));
        Assert.Equal(("杭州市", 2L), (city.Name, city.Version));
    }

    [Fact]
    public void ANewerUpdateReplacesTheDetails()
    {
        var city = MemberCity.Unknown("hangzhou");
        city.Join("杭州", "浙江", JoinedAt);

        Assert.True(city.Update("杭州市", "浙江省", version: 2));
        Assert.Equal(("杭州市", "浙江省", 2L), (city.Name, city.Province, city.Version));
    }
}
