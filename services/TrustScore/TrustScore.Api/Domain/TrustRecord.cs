namespace TrustScore.Api.Domain;

/// <summary>
/// A member city's trust: the evidence gathered about it and the score, uncertainty and tier that follow
/// (domain.md §4.3). Opened with no evidence when the city joins.
/// </summary>
public sealed class TrustRecord
{
    /// <summary>
    /// Cost-sharing registers a member at version 1; <c>MemberJoined</c> carries that state without a
    /// version of its own, so a join never overwrites a name from a later update.
    /// </summary>
    public const long JoinedVersion = 1;

    public string CityId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>r: weighted evidence of commitments kept.</summary>
    public double Positive { get; set; }

    /// <summary>s: weighted evidence of commitments broken.</summary>
    public double Negative { get; set; }

    /// <summary>An agreed settlement unpaid past its deadline or proven concealment: tier D whatever the score.</summary>
    public bool SevereDefault { get; set; }

    public double Score { get; set; }

    public double Uncertainty { get; set; }

    public TrustTier Tier { get; set; }

    /// <summary>The version of cost-sharing's member that <see cref="Name"/> reflects.</summary>
    public long Version { get; set; }

    /// <summary>Null while only an update has arrived: a join that was dead-lettered and not yet replayed.</summary>
    public DateTimeOffset? JoinedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>How much this city's word counts as a peer reporter (EigenTrust, <see cref="Scoring.GlobalTrust"/>), 0–1.</summary>
    public double ReporterWeight { get; set; }

    /// <summary>Verified kept minus broken evidence: the pre-trusted peer's local trust in the city.</summary>
    public double VerifiedStanding { get; set; }

    /// <summary>When the score was last recomputed from the evidence.</summary>
    public DateTimeOffset? AssessedAt { get; set; }

    /// <summary>The next time the score changes without new evidence (a repair's waiting period ends), for the sweeper.</summary>
    public DateTimeOffset? ReviewAt { get; set; }

    public double EvidenceWeight() => Positive + Negative;

    /// <summary>
    /// Takes a fresh assessment. Returns the previous tier when the tier changed (so <c>TrustTierChanged</c> is published
    /// only then), else null.
    /// </summary>
    public TrustTier? Apply(Scoring.TrustAssessment assessment, DateTimeOffset? reviewAt) => Apply(assessment.Figures(), reviewAt);

    /// <inheritdoc cref="Apply(Scoring.TrustAssessment, DateTimeOffset?)"/>
    public TrustTier? Apply(Scoring.TrustFigures figures, DateTimeOffset? reviewAt)
    {
        var previous = Tier;
        (Positive, Negative, SevereDefault, VerifiedStanding) = (figures.R, figures.S, figures.SevereDefault, figures.VerifiedStanding);
        (Score, Uncertainty, Tier) = (figures.Score, figures.Uncertainty, figures.Tier);
        (AssessedAt, ReviewAt, UpdatedAt) = (figures.AsOf, reviewAt, figures.AsOf > UpdatedAt ? figures.AsOf : UpdatedAt);
        return previous == Tier ? null : previous;
    }

    /// <summary>A city with no evidence yet: the neutral prior, E = 0.5, u = 1, tier M.</summary>
    public static TrustRecord Open(string cityId, DateTimeOffset at)
    {
        var record = new TrustRecord { CityId = cityId, UpdatedAt = at };
        record.Rescore();
        return record;
    }

    public void Join(string name, DateTimeOffset joinedAt)
    {
        JoinedAt ??= joinedAt;
        if (Version < JoinedVersion)
        {
            Rename(name, JoinedVersion, joinedAt);
        }
    }

    /// <summary>Applies a member update unless one as new or newer is already applied (events may be redelivered or replayed late).</summary>
    public bool Update(string name, long version, DateTimeOffset updatedAt)
    {
        if (version <= Version)
        {
            return false;
        }

        Rename(name, version, updatedAt);
        return true;
    }

    private void Rename(string name, long version, DateTimeOffset at)
    {
        Name = name;
        Version = version;
        UpdatedAt = at;
    }

    private void Rescore()
    {
        (Score, Uncertainty) = BetaReputation.Score(Positive, Negative);
        Tier = BetaReputation.Tier(BetaReputation.Published(Score), EvidenceWeight(), SevereDefault);
    }
}
