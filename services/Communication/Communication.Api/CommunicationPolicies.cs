using Microsoft.AspNetCore.Authorization;
using Platform.ServiceDefaults.Security;

namespace Communication.Api;

/// <summary>The service's own policies on top of the shared ones (architecture.md §6).</summary>
public static class CommunicationPolicies
{
    /// <summary>A city acting for itself: issuing and acknowledging warnings, its own feed, snapshots, aid.</summary>
    public const string City = "communication-city";

    /// <summary>The sender city or the coordinating body (escalation).</summary>
    public const string CityOrCoordinator = "communication-city-or-coordinator";

    public static AuthorizationBuilder AddCommunicationPolicies(this AuthorizationBuilder authorization) =>
        authorization
            .AddPolicy(City, p => p.RequireClaim(PlatformClaims.Role, PlatformRoles.City).RequireClaim(PlatformClaims.CityId))
            .AddPolicy(CityOrCoordinator, p => p.RequireClaim(PlatformClaims.Role, PlatformRoles.City, PlatformRoles.Coordinator));
}
