using System.Security.Claims;
using CostSharing.Api.Domain.Aid;
using CostSharing.Api.Domain.Incidents;
using CostSharing.Api.Features.Shared;
using Marten;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace CostSharing.Api.Features.Claims;

/// <summary>
/// A claim may reference an accepted mutual aid: then the caller must be the aid's provider and the aid must be for this
/// incident. The provider need not take part in the incident: the accepted aid is what lets it claim there.
/// </summary>
public static class AidClaims
{
    /// <returns>The incident the caller may claim under, or a problem to answer.</returns>
    public static async Task<(Incident? Incident, AcceptedAid? Aid, IResult? Problem)> ResolveAsync(
        IQuerySession session, Guid incidentId, Guid? aidId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (aidId is not { } id)
        {
            var visible = await Access.VisibleIncidentAsync(session, incidentId, user, cancellationToken);
            return visible is null ? (null, null, Problems.NotFound($"No incident {incidentId}.")) : (visible, null, null);
        }

        var aid = await session.LoadAsync<AcceptedAid>(id, cancellationToken);
        if (aid is null || aid.ProviderCityId != user.CityId() || aid.IncidentId != incidentId)
        {
            return (null, null, Problems.Unprocessable(
                "Unknown aid", $"No accepted aid {id} provided by {user.CityId()} for incident {incidentId} (it may not have arrived from communication yet)."));
        }

        var incident = await session.LoadAsync<Incident>(incidentId, cancellationToken);
        return incident is null ? (null, null, Problems.NotFound($"No incident {incidentId}.")) : (incident, aid, null);
    }
}
