using Evaluation.Api.Domain.Members;

namespace Evaluation.Api.Features.Members;

public sealed record MemberResponse(string CityId, string Name, string Province, DateTimeOffset? JoinedAt, long Version)
{
    public static MemberResponse From(EvaluatedMember m) => new(m.CityId, m.Name, m.Province, m.JoinedAt, m.Version);
}
