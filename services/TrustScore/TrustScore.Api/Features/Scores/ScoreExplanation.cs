using System.Globalization;
using TrustScore.Api.Domain;

namespace TrustScore.Api.Features.Scores;

/// <summary>
/// Why a city has its tier, as the whole alliance may read it: the model, the thresholds, the evidence minimum and a
/// sentence on the case that applies. The itemized evidence is in <see cref="EvidenceExplanation"/>.
/// </summary>
public sealed record ScoreExplanation(string Model, TierThresholds Thresholds, double MinimumEvidence, bool SevereDefault, string Note)
{
    /// <summary>Where the itemized evidence is, for those who may see it (the subject city, the coordinating body, the auditor).</summary>
    public string Evidence => "GET /api/trust/scores/{cityId}/explanation lists every contributing item with its weight, fulfilment, decay, source and discount, and the filtered reports.";

    public const string BetaModel = "Beta reputation (Jøsang & Ismail 2002): score E = (r+1)/(r+s+2), uncertainty u = 2/(r+s+2).";

    public static ScoreExplanation For(TrustRecord t) => new(
        BetaModel,
        new TierThresholds(BetaReputation.TierA, BetaReputation.TierB, BetaReputation.TierC),
        BetaReputation.MinimumEvidence,
        t.SevereDefault,
        NoteFor(t));

    private static string NoteFor(TrustRecord t)
    {
        var score = BetaReputation.Published(t.Score);
        var weight = BetaReputation.Published(t.EvidenceWeight());
        return t switch
        {
            { SevereDefault: true } => "A severe default is on record: tier D whatever the score.",
            _ when t.EvidenceWeight() == 0 =>
                "No evidence yet: no commitment of this city has been settled, so the score is the neutral 0.5 with full uncertainty, and the tier is M.",
            { Tier: TrustTier.M } => Invariant(
                $"Insufficient evidence: the tier stays M until the evidence weight r+s reaches {BetaReputation.MinimumEvidence}; it is {weight}."),
            { Tier: TrustTier.D } => Invariant($"Score {score} is below {BetaReputation.TierC}: tier D."),
            _ => Invariant($"Score {score} is at least {ThresholdOf(t.Tier)}: tier {t.Tier}."),
        };
    }

    private static double ThresholdOf(TrustTier tier) => tier switch
    {
        TrustTier.A => BetaReputation.TierA,
        TrustTier.B => BetaReputation.TierB,
        _ => BetaReputation.TierC,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The lowest score of each tier, inclusive; below <see cref="C"/> is D.</summary>
public sealed record TierThresholds(double A, double B, double C);
