using Platform.ServiceDefaults.Errors;
using System.Security.Claims;
using CostSharing.Api.Domain.Claims;
using CostSharing.Api.Features.Shared;
using Marten;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;

namespace CostSharing.Api.Features.Claims;

/// <summary>A city reads only its own claims (another city's is not found); every other role reads them all.</summary>
public static class ReadClaims
{
    public static async Task<IResult> GetAsync(Guid claimId, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await session.LoadAsync<CostClaim>(claimId, cancellationToken) is { } claim && user.MayReadCity(claim.CityId)
            ? Results.Ok(ClaimResponse.From(claim))
            : Problems.NotFound($"No claim {claimId}.");

    public static async Task<IResult> ListForIncidentAsync(
        Guid incidentId, IQuerySession session, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (await Access.VisibleIncidentAsync(session, incidentId, user, cancellationToken) is null)
        {
            return Problems.NotFound($"No incident {incidentId}.");
        }

        var request = PageRequest.From(page, pageSize);
        var query = session.Query<CostClaim>().Where(c => c.IncidentId == incidentId);
        if (user.IsCity())
        {
            var cityId = user.CityId() ?? string.Empty;
            query = query.Where(c => c.CityId == cityId);
        }

        var total = await query.CountAsync(cancellationToken);
        var claims = await query.OrderBy(c => c.CityId).ThenBy(c => c.FiledAt).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return Results.Ok(new Page<ClaimResponse>(claims.Select(ClaimResponse.From).ToList(), request.Number, request.Size, total));
    }
}
