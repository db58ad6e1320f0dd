using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Api.Domain.Scoring;

/// <summary>Every member's trust at once: the reporters' weights and each city's figures.</summary>
public sealed record AllianceTrust(IReadOnlyDictionary<string, double> ReporterWeights, IReadOnlyDictionary<string, TrustFigures> Assessments);

/// <summary>
/// Recomputes the whole alliance from all evidence (the sweeper's periodic pass and the benchmark): first
/// each city's verified standing, then EigenTrust over the peer reports with the pre-trusted peer's trust from that
/// standing, then each city's figures with the reporters so weighted. The evidence is read once, in order, and not
/// kept (<see cref="AllianceTally"/>), so the sequences may stream.
/// </summary>
public static class AllianceAssessment
{
    public static AllianceTrust AssessAll(
        IReadOnlyCollection<string> cities, IEnumerable<Commitment> commitments, IEnumerable<SupervisionFinding> findings, IEnumerable<PeerReport> reports,
        DateTimeOffset asOf, TrustPolicy policy)
    {
        var tally = new AllianceTally(cities, asOf, policy);
        foreach (var commitment in commitments)
        {
            tally.Add(commitment);
        }

        foreach (var finding in findings)
        {
            tally.Add(finding);
        }

        foreach (var report in reports)
        {
            tally.Add(report);
        }

        return tally.Complete();
    }
}
