using System.Security.Claims;
using Marten;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Supervision;
using TrustScore.Api.Features.Scores;

namespace TrustScore.Api.Features.Supervision;

/// <summary>
/// The supervision record of a city: findings, peer reports about it and its appeals. Evidence, so for the city itself,
/// the coordinating body and the auditor; a city never learns who reported it.
/// </summary>
public static class ReadSupervision
{
    public static async Task<IResult> HandleAsync(string cityId, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        if (!user.MayReadCity(cityId) || await session.LoadAsync<TrustRecord>(cityId, cancellationToken) is null)
        {
            return Problems.NotFound($"No trust record for city '{cityId}'.");
        }

        var findings = await session.Query<SupervisionFinding>().Where(f => f.CityId == cityId).OrderByDescending(f => f.RecordedAt).ToListAsync(cancellationToken);
        var reports = await session.Query<PeerReport>().Where(p => p.SubjectCityId == cityId).OrderByDescending(p => p.FiledAt).ToListAsync(cancellationToken);
        var appeals = await session.Query<Appeal>().Where(a => a.CityId == cityId).OrderByDescending(a => a.FiledAt).ToListAsync(cancellationToken);
        var showReporters = EvidenceAccess.MaySeeReporters(user);
        return Results.Ok(new SupervisionRecordResponse(
            cityId, [.. findings.Select(FindingResponse.From)], [.. reports.Select(r => PeerReportResponse.From(r, showReporters))], [.. appeals.Select(AppealResponse.From)]));
    }
}
