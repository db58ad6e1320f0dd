using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Api.Domain.Scoring;

/// <summary>Every member's trust at once: the reporters' weights and each city's assessment.</summary>
public sealed record AllianceTrust(IReadOnlyDictionary<string, double> ReporterWeights, IReadOnlyDictionary<string, TrustAssessment> Assessments);

/// <summary>
/// Recomputes the whole alliance from all evidence (the sweeper's periodic pass and the benchmark): first
/// each city's verified standing, then EigenTrust over the peer reports with the pre-trusted peer's trust from that
/// standing, then each city's assessment with the reporters so weighted.
/// </summary>
public static class AllianceAssessment
{
    public static AllianceTrust AssessAll(
        IReadOnlyCollection<string> cities, IEnumerable<Commitment> commitments, IEnumerable<SupervisionFinding> findings, IEnumerable<PeerReport> reports,
        DateTimeOffset asOf, TrustPolicy policy)
    {
        var byDebtor = commitments.ToLookup(c => c.Debtor, StringComparer.Ordinal);
        var byCity = findings.ToLookup(f => f.CityId, StringComparer.Ordinal);
        var inForce = reports.Where(r => r.InForceAt(asOf)).ToList();
        var bySubject = inForce.ToLookup(r => r.SubjectCityId, StringComparer.Ordinal);
        var noWeights = new Dictionary<string, double>(StringComparer.Ordinal);

        var standing = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var city in cities)
        {
            standing[city] = TrustCalculation.VerifiedStanding(new CityEvidence(city, [.. byDebtor[city]], [.. byCity[city]], [], noWeights), asOf, policy);
        }

        var opinions = inForce
            .GroupBy(r => (r.ReporterCityId, r.SubjectCityId))
            .Select(g => new PeerOpinion(
                g.Key.ReporterCityId, g.Key.SubjectCityId,
                g.Sum(r => r.Fulfilment * policy.Forgetting.Decay(r.FiledAt, asOf)),
                g.Sum(r => (1 - r.Fulfilment) * policy.Forgetting.Decay(r.FiledAt, asOf))));
        var weights = GlobalTrust.ReporterWeights(standing, opinions, policy.Damping);

        var assessments = new Dictionary<string, TrustAssessment>(StringComparer.Ordinal);
        foreach (var city in cities)
        {
            assessments[city] = TrustCalculation.Assess(new CityEvidence(city, [.. byDebtor[city]], [.. byCity[city]], [.. bySubject[city]], weights), asOf, policy);
        }

        return new AllianceTrust(weights, assessments);
    }
}
