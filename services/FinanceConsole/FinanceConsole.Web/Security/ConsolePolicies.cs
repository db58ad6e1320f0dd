using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Platform.ServiceDefaults.Security;

namespace FinanceConsole.Web.Security;

/// <summary>
/// Who sees what in the console, mirroring the fund's own rules (docs/compensation-fund.md §10, architecture.md §6):
/// the finance pages are for the coordinating body, finance staff and auditors; finance moves money, the coordinating
/// body approves, auditors only read. The services refuse the same calls again (defence in depth); the console hides
/// what a person may not do and refuses it before calling.
/// </summary>
public static class ConsolePolicies
{
    public const string SignedIn = "console-signed-in";
    public const string Ledger = "console-ledger";
    public const string Coordination = "console-coordination";

    public static IServiceCollection AddConsolePolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Ledger, p => p.RequireAuthenticatedUser().RequireClaim(
                PlatformClaims.Role, PlatformRoles.Coordinator, PlatformRoles.Finance, PlatformRoles.Auditor))
            .AddPolicy(Coordination, p => p.RequireAuthenticatedUser().RequireClaim(
                PlatformClaims.Role, PlatformRoles.Coordinator, PlatformRoles.Auditor));
        return services;
    }

    public static bool IsFinance(this ClaimsPrincipal user) => user.HasClaim(PlatformClaims.Role, PlatformRoles.Finance);

    public static bool IsCoordinator(this ClaimsPrincipal user) => user.HasClaim(PlatformClaims.Role, PlatformRoles.Coordinator);

    public static bool IsAuditor(this ClaimsPrincipal user) => user.HasClaim(PlatformClaims.Role, PlatformRoles.Auditor);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirst("name")?.Value ?? user.FindFirst(PlatformClaims.Subject)?.Value ?? "?";
}
