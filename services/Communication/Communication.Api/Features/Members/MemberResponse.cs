using Communication.Api.Domain.Members;

namespace Communication.Api.Features.Members;

public sealed record MemberResponse(string CityId, string Name, string Province, DateTimeOffset? JoinedAt, long Version)
{
    public static MemberResponse From(CommunicationMember m) => new(m.CityId, m.Name, m.Province, m.JoinedAt, m.Version);
}
