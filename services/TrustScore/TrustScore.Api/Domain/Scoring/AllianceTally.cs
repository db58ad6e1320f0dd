using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Api.Domain.Scoring;

/// <summary>
/// The alliance pass as a fold: commitments and findings are added one at a time (as they stream from the store) and
/// only their sums are kept per city; the peer reports in force are kept, since the filter and EigenTrust need them
/// whole. <see cref="Complete"/> then gives every city's figures and the reporters' weights.
/// </summary>
/// <remarks>
/// Implementation note: the sums are the ones <see cref="TrustCalculation.Assess"/> makes, term by term and in the same
/// order (a city's commitments in the order given, then its findings), so each city's r, s and tier are exactly those
/// of its own assessment, to the last bit, and none of the 200,000 documents of a large alliance is held after its
/// turn. Findings are kept until the end (there are few) so that the order holds whichever is added first.
/// </remarks>
public sealed class AllianceTally
{
    private readonly Dictionary<string, CityTally> cities = new(StringComparer.Ordinal);
    private readonly List<PeerReport> reports = [];
    private readonly DateTimeOffset asOf;
    private readonly TrustPolicy policy;

    public AllianceTally(IEnumerable<string> cityIds, DateTimeOffset asOf, TrustPolicy policy)
    {
        foreach (var city in cityIds)
        {
            cities.TryAdd(city, new CityTally());
        }

        (this.asOf, this.policy) = (asOf, policy);
    }

    /// <summary>Adds a commitment's weight to its debtor's sums; a debtor outside the alliance counts nowhere.</summary>
    public void Add(Commitment commitment)
    {
        if (!cities.TryGetValue(commitment.Debtor, out var city))
        {
            return;
        }

        if (TrustCalculation.SevereDefaultOf(commitment, asOf, policy) is { } held)
        {
            city.Hold(held, asOf);
        }

        if (TrustCalculation.TryWeigh(commitment, asOf, policy, out _, out var weight))
        {
            city.R += weight.R;
            city.S += weight.S;
            city.Standing += weight.Standing;
        }
    }

    public void Add(SupervisionFinding finding)
    {
        if (finding.InForceAt(asOf) && cities.TryGetValue(finding.CityId, out var city))
        {
            city.Findings.Add(finding);
        }
    }

    public void Add(PeerReport report)
    {
        if (report.InForceAt(asOf))
        {
            reports.Add(report);
        }
    }

    /// <summary>EigenTrust over the peer reports with the verified standings, then each city's figures.</summary>
    public AllianceTrust Complete()
    {
        foreach (var city in cities.Values)
        {
            foreach (var finding in city.Findings)
            {
                // As in the assessment: a finding adds its decayed weight to s (and nothing to r) and takes it off the standing.
                if (TrustCalculation.SevereDefaultOf(finding, asOf, policy) is { } held)
                {
                    city.Hold(held, asOf);
                }

                var decay = policy.Forgetting.Decay(finding.FoundAt, asOf);
                city.S += finding.Weight * decay;
                city.Standing -= finding.Weight * decay;
            }

            city.Findings.Clear();
        }

        var standing = cities.ToDictionary(c => c.Key, c => c.Value.Standing, StringComparer.Ordinal);
        var opinions = reports
            .GroupBy(r => (r.ReporterCityId, r.SubjectCityId))
            .Select(g => new PeerOpinion(
                g.Key.ReporterCityId, g.Key.SubjectCityId,
                g.Sum(r => r.Fulfilment * policy.Forgetting.Decay(r.FiledAt, asOf)),
                g.Sum(r => (1 - r.Fulfilment) * policy.Forgetting.Decay(r.FiledAt, asOf))));
        var weights = GlobalTrust.ReporterWeights(standing, opinions, policy.Damping);

        var bySubject = reports.ToLookup(r => r.SubjectCityId, StringComparer.Ordinal);
        var figures = new Dictionary<string, TrustFigures>(StringComparer.Ordinal);
        foreach (var (id, city) in cities)
        {
            var (_, filtered, netNegative) = TrustCalculation.PeerEvidence(new CityEvidence(id, [], [], [.. bySubject[id]], weights), asOf, policy);
            var rating = TrustCalculation.Rate(city.R, city.S, netNegative, city.Severe);
            figures[id] = new TrustFigures(
                id, asOf, rating.R, rating.S, rating.Score, rating.Uncertainty, rating.Tier, city.Severe, city.R - city.S, netNegative, city.ReviewAt, filtered.Count);
        }

        return new AllianceTrust(weights, figures);
    }

    private sealed class CityTally
    {
        public double R { get; set; }

        public double S { get; set; }

        public double Standing { get; set; }

        public bool Severe { get; private set; }

        public DateTimeOffset? ReviewAt { get; private set; }

        public List<SupervisionFinding> Findings { get; } = [];

        public void Hold(SevereDefault held, DateTimeOffset asOf)
        {
            Severe = true;
            if (held.LiftsAt is { } lifts && lifts > asOf && (ReviewAt is not { } review || lifts < review))
            {
                ReviewAt = lifts;
            }
        }
    }
}
