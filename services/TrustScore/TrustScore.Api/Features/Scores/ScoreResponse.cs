using TrustScore.Api.Domain;

namespace TrustScore.Api.Features.Scores;

/// <summary>One city's trust as the alliance sees it, rounded to the published precision.</summary>
public sealed record ScoreSummary(
    string CityId, string Name, double R, double S, double Score, double Uncertainty, string Tier, double EvidenceWeight,
    DateTimeOffset UpdatedAt)
{
    public static ScoreSummary From(TrustRecord t) => new(
        t.CityId, t.Name, BetaReputation.Published(t.Positive), BetaReputation.Published(t.Negative),
        BetaReputation.Published(t.Score), BetaReputation.Published(t.Uncertainty), t.Tier.ToString(),
        BetaReputation.Published(t.EvidenceWeight()), t.UpdatedAt);
}

/// <summary>One city's trust with the explanation every score must carry (domain.md §4.3).</summary>
public sealed record ScoreResponse(
    string CityId, string Name, double R, double S, double Score, double Uncertainty, string Tier, double EvidenceWeight,
    DateTimeOffset UpdatedAt, ScoreExplanation Explanation)
{
    public static ScoreResponse From(TrustRecord t)
    {
        var s = ScoreSummary.From(t);
        return new(s.CityId, s.Name, s.R, s.S, s.Score, s.Uncertainty, s.Tier, s.EvidenceWeight, s.UpdatedAt, ScoreExplanation.For(t));
    }
}
