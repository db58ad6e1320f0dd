namespace Communication.Api.Domain.Members;

/// <summary>
/// A member city as communication knows it: a city that may send and receive warnings, publish base data and give or ask for aid (docs/domain.md §3.5), built from
/// cost-sharing's member events (no service reads another's database, architecture.md §2).
/// </summary>
public sealed class CommunicationMember
{
    /// <summary>
    /// Cost-sharing registers a member at version 1; <c>MemberJoined</c> carries that state without a
    /// version of its own, so a join never overwrites details from a later update.
    /// </summary>
    public const long JoinedVersion = 1;

    public string CityId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Province { get; set; } = string.Empty;

    /// <summary>Null while only an update has arrived: a join that was dead-lettered and not yet replayed.</summary>
    public DateTimeOffset? JoinedAt { get; set; }

    /// <summary>The version of cost-sharing's member that these details reflect.</summary>
    public long Version { get; set; }

    /// <summary>A record for a city communication has not heard of yet; its details come from the event applied next.</summary>
    public static CommunicationMember Unknown(string cityId) => new() { CityId = cityId };

    public void Join(string name, string province, DateTimeOffset joinedAt)
    {
        JoinedAt ??= joinedAt;
        if (Version < JoinedVersion)
        {
            Apply(name, province, JoinedVersion);
        }
    }

    /// <summary>Applies an update unless one as new or newer is already applied (events may be redelivered or replayed late).</summary>
    public bool Update(string name, string province, long version)
    {
        if (version <= Version)
        {
            return false;
        }

        Apply(name, province, version);
        return true;
    }

    private void Apply(string name, string province, long version)
    {
        Name = name;
        Province = province;
        Version = version;
    }
}
