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

    /// <summary>
    /// A browser application behind the gateway that signs its people in itself, through the gateway's own OpenID Connect
    /// issuer (the finance console at <c>/console</c>): the browser carries the application's cookie, not a bearer token,
    /// so the gateway cannot check a role here. The application refuses every page without a signed-in person and calls
    /// the services only through their API routes with that person's access token, where the usual policies apply.
    /// </summary>
    public const string BrowserApp = "browser-app";

    public static AuthorizationBuilder AddGatewayPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Writer, p => p.RequireClaim(
            PlatformClaims.Role, PlatformRoles.City, PlatformRoles.Coordinator, PlatformRoles.Evaluator, PlatformRoles.Finance))
        .AddPolicy(BrowserApp, p => p.RequireAssertion(_ => true));
}
