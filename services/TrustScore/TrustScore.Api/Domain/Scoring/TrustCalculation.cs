using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Api.Domain.Scoring;

/// <summary>
/// A city's trust at a date from the evidence on record then (domain.md §4.3), with its explanation. Pure: the same
/// evidence and date always give the same assessment, so a past score can be recomputed and checked.
/// </summary>
/// <remarks>
/// Implementation note: verified evidence (commitments settled as the ledger, a third party, the parties jointly or the
/// coordinating body established; findings of the coordinating body) adds to r and s with weight × source discount ×
/// decay. Peer reports are cheap talk: after the quantile filter and the reporter discount they count only as a net
/// complaint (s grows by how much the discounted "broken" outweighs the discounted "kept"), so praise can answer unfair
/// complaints but never lifts a score above what verified evidence supports. That is what makes mutual praise worthless
/// by construction, while EigenTrust (<see cref="GlobalTrust"/>) keeps cities without a verified record from
/// weighing in at all.
/// </remarks>
public static partial class TrustCalculation
{
    public static TrustAssessment Assess(CityEvidence evidence, DateTimeOffset asOf, TrustPolicy policy)
    {
        var items = new List<ContributingItem>();
        var severe = new List<SevereDefault>();
        foreach (var commitment in evidence.Commitments.Where(c => c.Debtor == evidence.CityId))
        {
            AddCommitment(commitment, asOf, policy, items, severe);
        }

        foreach (var finding in evidence.Findings.Where(f => f.CityId == evidence.CityId && f.InForceAt(asOf)))
        {
            AddFinding(finding, asOf, policy, items, severe);
        }

        var verifiedR = items.Sum(i => i.R);
        var verifiedS = items.Sum(i => i.S);
        var (peerItems, filtered, netNegative) = PeerEvidence(evidence, asOf, policy);
        items.AddRange(peerItems);
        var rating = Rate(verifiedR, verifiedS, netNegative, severe.Count > 0);
        return new TrustAssessment(
            evidence.CityId, asOf, rating.R, rating.S, rating.Score, rating.Uncertainty, rating.Tier, severe.Count > 0, verifiedR - verifiedS,
            [.. items.OrderBy(i => i.At).ThenBy(i => i.Id, StringComparer.Ordinal)], filtered, severe, netNegative);
    }

    private static void AddCommitment(Commitment c, DateTimeOffset asOf, TrustPolicy policy, List<ContributingItem> items, List<SevereDefault> severe)
    {
        if (SevereDefaultOf(c, asOf, policy) is { } held)
        {
            severe.Add(held);
        }

        if (!TryWeigh(c, asOf, policy, out var outcome, out var weight))
        {
            return;
        }

        items.Add(new ContributingItem(
            "commitment", c.Id, Name(c.Kind), outcome.At, c.Weight, outcome.Fulfilment, weight.Decay, Name(c.Source), weight.Discount,
            weight.R, weight.S, null, $"{Name(outcome.Status)}: {c.Description}"));
    }

    private static void AddFinding(SupervisionFinding f, DateTimeOffset asOf, TrustPolicy policy, List<ContributingItem> items, List<SevereDefault> severe)
    {
        if (SevereDefaultOf(f, asOf, policy) is { } held)
        {
            severe.Add(held);
        }

        var decay = policy.Forgetting.Decay(f.FoundAt, asOf);
        items.Add(new ContributingItem(
            "finding", f.Id.ToString(), Name(f.Kind), f.FoundAt, f.Weight, 0, decay, f.FoundBy, 1, 0, f.Weight * decay, null,
            $"{Name(f.Severity)} finding by {f.FoundBy}: {f.Description}"));
    }

    /// <summary>The wire name of an enumeration value (<c>late-report</c>), computed once per value.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => Names<T>.Of[value];

    /// <summary>
    /// Verified kept minus broken evidence at <paramref name="asOf"/> (commitments and findings, no peer words): the
    /// pre-trusted peer's local trust in the city for <see cref="GlobalTrust"/>. The same sums as <see cref="Assess"/>,
    /// without building an explanation.
    /// </summary>
    public static double VerifiedStanding(CityEvidence evidence, DateTimeOffset asOf, TrustPolicy policy)
    {
        double standing = 0;
        foreach (var c in evidence.Commitments)
        {
            if (c.Debtor == evidence.CityId && TryWeigh(c, asOf, policy, out _, out var weight))
            {
                standing += weight.Standing;
            }
        }

        foreach (var f in evidence.Findings)
        {
            if (f.CityId == evidence.CityId && f.InForceAt(asOf))
            {
                standing -= f.Weight * policy.Forgetting.Decay(f.FoundAt, asOf);
            }
        }

        return standing;
    }

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Of = Enum.GetValues<T>().ToDictionary(v => v, v => Kebab(v.ToString()));
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
