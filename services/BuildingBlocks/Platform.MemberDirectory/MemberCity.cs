namespace Platform.MemberDirectory;

/// <summary>
/// A member city as a service that only needs to know who belongs to the community sees it (docs/domain.md §3.1),
/// built from cost-sharing's member events: no service reads another's database (docs/architecture.md §2).
/// </summary>
public sealed class MemberCity
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

    /// <summary>True once the join has arrived: only joined cities take part in rounds, warnings and aid.</summary>
    public bool HasJoined => JoinedAt is not null;

    /// <summary>A record for a city not heard of yet; its details come from the event applied next.</summary>
    public static MemberCity Unknown(string cityId) => new() { CityId = cityId };

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
