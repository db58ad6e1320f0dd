using Marten;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Scoring;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Api.Infrastructure;

/// <summary>Reads everything on record about a city, with the current weights of the cities that reported on it.</summary>
public static class EvidenceStore
{
    public static async Task<CityEvidence> LoadAsync(IQuerySession session, string cityId, CancellationToken cancellationToken)
    {
        var commitments = await session.Query<Commitment>().Where(c => c.Debtor == cityId).ToListAsync(cancellationToken);
        var findings = await session.Query<SupervisionFinding>().Where(f => f.CityId == cityId).ToListAsync(cancellationToken);
        var reports = await session.Query<PeerReport>().Where(p => p.SubjectCityId == cityId).ToListAsync(cancellationToken);
        var reporters = reports.Select(r => r.ReporterCityId).Distinct(StringComparer.Ordinal).ToArray();
        var weights = reporters.Length == 0
            ? new Dictionary<string, double>(StringComparer.Ordinal)
            : (await session.LoadManyAsync<TrustRecord>(cancellationToken, reporters)).ToDictionary(t => t.CityId, t => t.ReporterWeight, StringComparer.Ordinal);
        return new CityEvidence(cityId, [.. commitments], [.. findings], [.. reports], weights);
    }
}
