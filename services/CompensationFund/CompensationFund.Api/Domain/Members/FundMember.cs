using Platform.Contracts.Trust;

namespace CompensationFund.Api.Domain.Members;

/// <summary>
/// The fund's own record of a member city, built from cost-sharing's member events (no service reads
/// another's database, architecture.md §2).
/// </summary>
public sealed class FundMember
{
    /// <summary>
    /// Cost-sharing registers a member at version 1; <c>MemberJoined</c> carries that state without a
    /// version of its own, so a join never overwrites details from a later update.
    /// </summary>
    public const long JoinedVersion = 1;

    public string CityId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Province { get; set; } = string.Empty;

    /// <summary>Weights of contribution formulas "by population" and "by GDP" (docs/compensation-fund.md §7).</summary>
    public long Population { get; set; }

    public decimal GdpCny { get; set; }

    /// <summary>Null while only an update has arrived: a join that was dead-lettered and not yet replayed.</summary>
    public DateTimeOffset? JoinedAt { get; set; }

    /// <summary>The version of cost-sharing's member that these details reflect.</summary>
    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The city's trust tier (A, B, C, D; M while evidence is insufficient, domain.md §4.3), from trust-score.</summary>
    public string TrustTier { get; set; } = TrustTiers.Insufficient;

    public DateTimeOffset? TierChangedAt { get; set; }

    /// <summary>The grade of the latest reliable evaluation round (优/良/中/差), which scales compensation.</summary>
    public string? LatestGrade { get; set; }

    public Guid? GradeRoundId { get; set; }

    public DateTimeOffset? GradedAt { get; set; }

    /// <summary>Applies a tier change unless a later one is already applied (events may arrive late or twice).</summary>
    public bool ChangeTier(string tier, DateTimeOffset changedAt)
    {
        if (TierChangedAt is { } applied && applied >= changedAt)
        {
            return false;
        }

        (TrustTier, TierChangedAt) = (tier, changedAt);
        return true;
    }

    public bool Grade(string grade, Guid roundId, DateTimeOffset publishedAt)
    {
        if (GradedAt is { } applied && applied >= publishedAt)
        {
            return false;
        }

        (LatestGrade, GradeRoundId, GradedAt) = (grade, roundId, publishedAt);
        return true;
    }

    /// <summary>A record for a city the fund has not heard of yet; its details come from the event applied next.</summary>
    public static FundMember Unknown(string cityId) => new() { CityId = cityId };

    public void Join(string name, string province, long population, decimal gdpCny, DateTimeOffset joinedAt)
    {
        JoinedAt ??= joinedAt;
        if (Version < JoinedVersion)
        {
            Apply(name, province, population, gdpCny, JoinedVersion, joinedAt);
        }
    }

    /// <summary>Applies an update unless one as new or newer is already applied (events may be redelivered or replayed late).</summary>
    public bool Update(string name, string province, long population, decimal gdpCny, long version, DateTimeOffset updatedAt)
    {
        if (version <= Version)
        {
            return false;
        }

        Apply(name, province, population, gdpCny, version, updatedAt);
        return true;
    }

    private void Apply(string name, string province, long population, decimal gdpCny, long version, DateTimeOffset at)
    {
        Name = name;
        Province = province;
        Population = population;
        GdpCny = gdpCny;
        Version = version;
        UpdatedAt = at;
    }
}
