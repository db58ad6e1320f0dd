using Microsoft.AspNetCore.Authorization;
using Platform.ServiceDefaults.Security;

namespace CompensationFund.Api.Features.Accounts;

/// <summary>Who may read a member's accounts; the object-level rule (a city only its own) is checked per request.</summary>
public static class FundPolicies
{
    /// <summary>
    /// Cities (for themselves), the coordinating body, finance staff and auditors. Evaluators assess
    /// performance, not money, so they are refused outright (architecture.md §6).
    /// </summary>
    public const string MemberAccountReader = "fund-member-account-reader";

    public static AuthorizationBuilder AddFundPolicies(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(MemberAccountReader, p => p.RequireClaim(
            PlatformClaims.Role, PlatformRoles.City, PlatformRoles.Coordinator, PlatformRoles.Finance, PlatformRoles.Auditor));
}
