namespace Platform.MemberDirectory;

public sealed record MemberResponse(string CityId, string Name, string Province, DateTimeOffset? JoinedAt, long Version)
{
    public static MemberResponse From(MemberCity m) => new(m.CityId, m.Name, m.Province, m.JoinedAt, m.Version);
}
