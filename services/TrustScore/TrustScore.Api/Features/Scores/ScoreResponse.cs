using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Scoring;

namespace TrustScore.Api.Features.Scores;

/// <summary>One city's trust as the alliance sees it, rounded to the published precision; <c>display</c> is E on 0–1000.</summary>
public sealed record ScoreSummary(
    string CityId, string Name, double R, double S, double Score, double Uncertainty, string Tier, double EvidenceWeight,
    DateTimeOffset UpdatedAt, int Display, bool SevereDefault, DateTimeOffset? AssessedAt)
{
    public static ScoreSummary From(TrustRecord t) => new(
        t.CityId, t.Name, BetaReputation.Published(t.Positive), BetaReputation.Published(t.Negative),
        BetaReputation.Published(t.Score), BetaReputation.Published(t.Uncertainty), t.Tier.ToString(),
        BetaReputation.Published(t.EvidenceWeight()), t.UpdatedAt, (int)Math.Round(t.Score * 1000, MidpointRounding.AwayFromZero), t.SevereDefault, t.AssessedAt);
}

/// <summary>One city's trust with the explanation every score must carry (domain.md §4.3); <c>asOf</c> is the date it holds for.</summary>
public sealed record ScoreResponse(
    string CityId, string Name, double R, double S, double Score, double Uncertainty, string Tier, double EvidenceWeight,
    DateTimeOffset UpdatedAt, ScoreExplanation Explanation, int Display, bool SevereDefault, DateTimeOffset AsOf)
{
    public static ScoreResponse From(TrustRecord t, DateTimeOffset now)
    {
        var s = ScoreSummary.From(t);
        return new(s.CityId, s.Name, s.R, s.S, s.Score, s.Uncertainty, s.Tier, s.EvidenceWeight, s.UpdatedAt, ScoreExplanation.For(t), s.Display, s.SevereDefault, now);
    }

    /// <summary>The city's trust recomputed at a past (or present) date from the evidence on record then.</summary>
    public static ScoreResponse From(TrustRecord t, TrustAssessment a)
    {
        var atDate = new TrustRecord { CityId = t.CityId, Name = t.Name, UpdatedAt = a.AsOf };
        atDate.Apply(a, null);
        return From(atDate, a.AsOf);
    }
}
