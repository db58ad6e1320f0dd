using Microsoft.AspNetCore.Authorization;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Security;

/// <summary>
/// Policies only the gateway applies, on top of the shared <see cref="PlatformPolicies"/> that routes name in
/// <c>ReverseProxy:Routes:*:AuthorizationPolicy</c>.
/// </summary>
public static class GatewayPolicies
{
    /// <summary>
    /// Every role that may change something somewhere: all but the auditor, who is strictly read-only
    /// (architecture.md §6). Routes for POST, PUT, PATCH and DELETE name it, so an auditor's write never reaches a
    /// service, whatever the service's own policy says.
    /// </summary>
    public const string Writer = "writer";

    public static AuthorizationBuilder AddGatewayPolicies(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Writer, p => p.RequireClaim(
            PlatformClaims.Role, PlatformRoles.City, PlatformRoles.Coordinator, PlatformRoles.Evaluator, PlatformRoles.Finance));
}
