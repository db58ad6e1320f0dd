using CompensationFund.Api.Domain.Members;

namespace CompensationFund.Api.Features.Members;

/// <summary>A member as the fund knows it, with the trust tier and latest reliable grade that scale its compensation.</summary>
public sealed record MemberResponse(string CityId, string Name, string Province, DateTimeOffset? JoinedAt, long Version, string TrustTier, string? LatestGrade)
{
    public static MemberResponse From(FundMember m) => new(m.CityId, m.Name, m.Province, m.JoinedAt, m.Version, m.TrustTier, m.LatestGrade);
}
