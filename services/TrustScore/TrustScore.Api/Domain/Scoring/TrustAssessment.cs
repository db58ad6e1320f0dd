namespace TrustScore.Api.Domain.Scoring;

/// <summary>One item of evidence as it counts at the assessment date: what, when, how much, and why that much.</summary>
public sealed record ContributingItem(
    string Source, string Id, string Kind, DateTimeOffset At, double Weight, double Fulfilment, double Decay, string Verification, double Discount,
    double R, double S, string? Reporter, string Note);

/// <summary>A peer's view left out by the Whitby–Jøsang filter, and why.</summary>
public sealed record FilteredReport(string Reporter, int Reports, double R, double S, double Consensus, double Lower, double Upper, string Reason);

/// <summary>What tier D directly rests on (severe defaults in force).</summary>
public sealed record SevereDefault(string Source, string Id, string Description, DateTimeOffset Since, DateTimeOffset? RemediedAt, DateTimeOffset? LiftsAt);

/// <summary>
/// A city's trust at a date, with everything that explains it (domain.md §4.3: each contributing event with its weight,
/// decay, source and discount, the filtered reports and why, r, s, E, u and the tier thresholds).
/// </summary>
public sealed record TrustAssessment(
    string CityId,
    DateTimeOffset AsOf,
    double R,
    double S,
    double Score,
    double Uncertainty,
    TrustTier Tier,
    bool SevereDefault,
    double VerifiedStanding,
    IReadOnlyList<ContributingItem> Items,
    IReadOnlyList<FilteredReport> FilteredReports,
    IReadOnlyList<SevereDefault> SevereDefaults,
    double PeerNetNegative)
{
    public double EvidenceWeight => R + S;

    /// <summary>The score on the 0–1000 display scale.</summary>
    public int Display => (int)Math.Round(Score * 1000, MidpointRounding.AwayFromZero);

    /// <summary>The next time the score changes without new evidence: the earliest end of a repair's waiting period.</summary>
    public DateTimeOffset? ReviewAt => SevereDefaults.Select(d => d.LiftsAt).Where(at => at > AsOf).Min();

    public TrustFigures Figures() =>
        new(CityId, AsOf, R, S, Score, Uncertainty, Tier, SevereDefault, VerifiedStanding, PeerNetNegative, ReviewAt, FilteredReports.Count);
}

/// <summary>What one commitment's outcome adds at a date: its decay and source discount, r, s and its verified-standing term.</summary>
public readonly record struct CommitmentWeight(double Decay, double Discount, double R, double S, double Standing);

/// <summary>
/// A city's rating at a date without its explanation: what the alliance pass (<see cref="AllianceTally"/>) keeps per
/// city and stores. The same figures as the <see cref="TrustAssessment"/> of the same evidence.
/// </summary>
public sealed record TrustFigures(
    string CityId,
    DateTimeOffset AsOf,
    double R,
    double S,
    double Score,
    double Uncertainty,
    TrustTier Tier,
    bool SevereDefault,
    double VerifiedStanding,
    double PeerNetNegative,
    DateTimeOffset? ReviewAt,
    int FilteredReporters);
