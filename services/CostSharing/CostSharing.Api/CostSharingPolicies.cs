using Microsoft.AspNetCore.Authorization;
using Platform.ServiceDefaults.Security;

namespace CostSharing.Api;

/// <summary>Policies only cost-sharing needs: filing and amending a claim is a city's own act (docs/architecture.md §6).</summary>
public static class CostSharingPolicies
{
    public const string City = "cost-sharing-city";

    public static AuthorizationBuilder AddCostSharingPolicies(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(City, p => p.RequireClaim(PlatformClaims.Role, PlatformRoles.City).RequireClaim(PlatformClaims.CityId));
}
