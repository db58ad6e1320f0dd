using CompensationFund.Api.Domain.Members;

namespace CompensationFund.Api.Features.Members;

public sealed record MemberResponse(string CityId, string Name, string Province, DateTimeOffset? JoinedAt, long Version)
{
    public static MemberResponse From(FundMember m) => new(m.CityId, m.Name, m.Province, m.JoinedAt, m.Version);
}
