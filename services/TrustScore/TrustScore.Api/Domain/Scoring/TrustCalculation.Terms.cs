using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Api.Domain.Scoring;

/// <summary>
/// The terms both the single-city assessment and the alliance pass (<see cref="AllianceTally"/>) are built from, so the
/// two agree to the last bit.
/// </summary>
public static partial class TrustCalculation
{
    /// <summary>
    /// r, s, E, u and the tier from the verified sums and the peers' net complaint: the one place both the single-city
    /// assessment and the alliance pass (<see cref="AllianceTally"/>) turn evidence into a rating.
    /// </summary>
    internal static (double R, double S, double Score, double Uncertainty, TrustTier Tier) Rate(double verifiedR, double verifiedS, double netNegative, bool severe)
    {
        var r = verifiedR;
        var s = verifiedS + netNegative;
        var (score, uncertainty) = BetaReputation.Score(r, s);
        return (r, s, score, uncertainty, BetaReputation.Tier(BetaReputation.Published(score), r + s, severe));
    }

    /// <summary>
    /// What a commitment's outcome at <paramref name="asOf"/> adds (weight × source discount × decay, split by the
    /// fulfilment), or false while it has none: shared by the explanation, the verified standing and the alliance pass.
    /// </summary>
    internal static bool TryWeigh(Commitment c, DateTimeOffset asOf, TrustPolicy policy, out CommitmentOutcome outcome, out CommitmentWeight weight)
    {
        if (c.OutcomeAt(asOf) is not { } known)
        {
            (outcome, weight) = (null!, default);
            return false;
        }

        var decay = policy.Forgetting.Decay(known.At, asOf);
        var discount = TrustPolicy.DiscountOf(c.Source);
        var w = c.Weight * discount * decay;
        (outcome, weight) = (known, new CommitmentWeight(decay, discount, w * known.Fulfilment, w * (1 - known.Fulfilment), w * ((2 * known.Fulfilment) - 1)));
        return true;
    }

    /// <summary>What a commitment severe if defaulted holds against the city at <paramref name="asOf"/>, if anything.</summary>
    internal static SevereDefault? SevereDefaultOf(Commitment c, DateTimeOffset asOf, TrustPolicy policy) =>
        c.SevereDefaultAt(asOf, policy.RepairWaitingPeriod)
            ? new SevereDefault("commitment", c.Id, c.Description, c.Outcomes.First(o => o.Status == CommitmentStatus.Defaulted).At, c.RemediedAt, c.RemediedAt + policy.RepairWaitingPeriod)
            : null;

    /// <summary>What a finding forcing tier D holds against the city at <paramref name="asOf"/>, if anything.</summary>
    internal static SevereDefault? SevereDefaultOf(SupervisionFinding f, DateTimeOffset asOf, TrustPolicy policy) =>
        f.ForcesTierDAt(asOf, policy.RepairWaitingPeriod)
            ? new SevereDefault("finding", f.Id.ToString(), $"{Name(f.Kind)} ({Name(f.Severity)}): {f.Description}", f.RecordedAt, f.RemediedAt, f.RemediedAt + policy.RepairWaitingPeriod)
            : null;
}
