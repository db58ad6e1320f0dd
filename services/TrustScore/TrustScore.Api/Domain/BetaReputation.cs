namespace TrustScore.Api.Domain;

/// <summary>
/// The trust maths of domain.md §4.3 as pure functions: evidence in, score, uncertainty and tier out.
/// </summary>
/// <remarks>
/// Implementation note: this is the beta reputation system of Jøsang &amp; Ismail, "The Beta Reputation
/// System" (15th Bled Electronic Commerce Conference, 2002). With r units of positive evidence (commitments
/// kept) and s of negative (commitments broken), a city's reliability is modelled as Beta(r+1, s+1), whose
/// expectation E = (r+1)/(r+s+2) is the score. The "+1"s are the uniform prior: with no evidence the score
/// is 0.5, neither trusted nor distrusted. The uncertainty u = 2/(r+s+2) is the subjective-logic reading
/// of the same evidence: 1 with none, shrinking as evidence accumulates, so a reader can tell "0.5 because
/// nothing is known" from "0.5 because half the commitments failed". The scores are <c>double</c> because
/// they are estimates, not money; they are published rounded to <see cref="PublishedDecimals"/> places,
/// and tiers are decided on the published value so that a reader checking the thresholds always agrees.
/// </remarks>
public static partial class BetaReputation
{
    public const double TierA = 0.9;
    public const double TierB = 0.7;
    public const double TierC = 0.4;

    /// <summary>
    /// Below this evidence weight (r+s) a city is tier M, "insufficient evidence". Five is about five
    /// full-weight commitments settled: the uncertainty is then at most 2/7 ≈ 0.29, and a single early miss
    /// (r=0, s=1 gives E ≈ 0.33, tier D on the score alone) cannot brand a newly joined city before its
    /// record means anything. Tier A needs r ≥ 8 anyway, so the minimum never holds back a deserved A.
    /// </summary>
    public const double MinimumEvidence = 5.0;

    public const int PublishedDecimals = 4;

    public static (double Score, double Uncertainty) Score(double r, double s)
    {
        RequireEvidence(r, nameof(r));
        RequireEvidence(s, nameof(s));
        var total = r + s + 2;
        return ((r + 1) / total, 2 / total);
    }

    /// <summary>
    /// The administrative credit tier (domain.md §4.3). A severe default (an agreed settlement unpaid past
    /// its deadline, proven concealment) is D whatever the score; then too little evidence is M; then the
    /// thresholds, each inclusive.
    /// </summary>
    public static TrustTier Tier(double score, double evidenceWeight, bool severeDefault)
    {
        if (severeDefault)
        {
            return TrustTier.D;
        }

        if (evidenceWeight < MinimumEvidence)
        {
            return TrustTier.M;
        }

        return score switch
        {
            >= TierA => TrustTier.A,
            >= TierB => TrustTier.B,
            >= TierC => TrustTier.C,
            _ => TrustTier.D,
        };
    }

    /// <summary>The precision scores are published with.</summary>
    public static double Published(double value) => Math.Round(value, PublishedDecimals, MidpointRounding.AwayFromZero);

    private static void RequireEvidence(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Evidence must be a finite, non-negative weight.");
        }
    }
}
