using Platform.ServiceDefaults.Errors;
using System.Security.Claims;
using CostSharing.Api.Domain.Incidents;
using CostSharing.Api.Features.Shared;
using Marten;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;

namespace CostSharing.Api.Features.Incidents;

/// <summary>A city lists and reads the incidents it takes part in; every other role reads them all.</summary>
public static class ReadIncidents
{
    public static async Task<IResult> ListAsync(IQuerySession session, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize);
        var query = session.Query<Incident>().AsQueryable();
        if (user.IsCity())
        {
            var cityId = user.CityId() ?? string.Empty;
            query = query.Where(i => i.CityIds.Contains(cityId));
        }

        var total = await query.CountAsync(cancellationToken);
        var incidents = await query.OrderByDescending(i => i.OpenedAt).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return Results.Ok(new Page<IncidentResponse>(incidents.Select(IncidentResponse.From).ToList(), request.Number, request.Size, total));
    }

    public static async Task<IResult> GetAsync(Guid incidentId, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await Access.VisibleIncidentAsync(session, incidentId, user, cancellationToken) is { } incident
            ? Results.Ok(IncidentResponse.From(incident))
            : Problems.NotFound($"No incident {incidentId}.");
}
