using System.Security.Claims;
using CostSharing.Api.Domain.Incidents;
using Marten;
using Platform.ServiceDefaults.Security;

namespace CostSharing.Api.Features.Shared;

/// <summary>
/// Object-level access (docs/architecture.md §6): a city sees the incidents it takes part in, and their allocations; every
/// other role reads everything. An incident a city may not see is reported as not found.
/// </summary>
internal static class Access
{
    public static async Task<Incident?> VisibleIncidentAsync(IQuerySession session, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var incident = await session.LoadAsync<Incident>(id, cancellationToken);
        return incident is not null && MaySee(user, incident) ? incident : null;
    }

    public static bool MaySee(ClaimsPrincipal user, Incident incident) => !user.IsCity() || incident.TakesPart(user.CityId());

    /// <summary>Who did it, for histories (<see cref="ClaimsPrincipalExtensions.Actor"/>, worked out once for every service).</summary>
    public static string Actor(ClaimsPrincipal user) => user.Actor();
}
