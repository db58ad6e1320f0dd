using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Api.Domain.Scoring;

/// <summary>Everything on record about one city, and how much each reporter's word counts (<see cref="GlobalTrust"/>).</summary>
public sealed record CityEvidence(
    string CityId,
    IReadOnlyList<Commitment> Commitments,
    IReadOnlyList<SupervisionFinding> Findings,
    IReadOnlyList<PeerReport> ReportsAbout,
    IReadOnlyDictionary<string, double> ReporterWeights);
