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
}
