using System.Globalization;
using CostSharing.Api.Domain.Members;
using Platform.Contracts.CostSharing;

namespace CostSharing.Api.Features.Members;

public sealed record MemberResponse(
    string CityId, string Name, string Province, long Population, decimal GdpCny, Contact Contact,
    long Version, DateTimeOffset JoinedAt, DateTimeOffset UpdatedAt)
{
    public static MemberResponse From(MemberCity m) =>
        new(m.CityId, m.Name, m.Province, m.Population, m.GdpCny, m.Contact, m.Version, m.JoinedAt, m.UpdatedAt);
}

internal static class MemberMappings
{
    public static string ETag(this MemberCity member) => $"\"{member.Version.ToString(CultureInfo.InvariantCulture)}\"";

    public static MemberJoined ToJoined(this MemberCity m) =>
        new(m.CityId, m.Name, m.Province, m.Population, m.GdpCny, m.Contact.ToContract(), m.JoinedAt);

    public static MemberUpdated ToUpdated(this MemberCity m) =>
        new(m.CityId, m.Name, m.Province, m.Population, m.GdpCny, m.Contact.ToContract(), m.Version, m.UpdatedAt);

    private static MemberContact ToContract(this Contact c) => new(c.Name, c.Email, c.Phone);
}
