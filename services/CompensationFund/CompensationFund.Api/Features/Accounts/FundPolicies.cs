using Microsoft.AspNetCore.Authorization;
using Platform.ServiceDefaults.Security;

namespace CompensationFund.Api.Features.Accounts;

/// <summary>
/// Who may do what in the fund ("Access"): finance posts, the coordinating body approves, auditors read
/// everything, a city reads its own accounts and statements and the fund's aggregate figures. Evaluators assess
/// performance, not money, so they are refused outright (architecture.md §6). Object-level rules (a city only its
/// own) are checked per request.
/// </summary>
public static class FundPolicies
{
    /// <summary>Cities (for themselves), the coordinating body, finance staff and auditors.</summary>
    public const string MemberAccountReader = "fund-member-account-reader";

    /// <summary>Finance staff: every posting, payment, import and close.</summary>
    public const string Finance = "fund-finance";

    /// <summary>The coordinating body: approvals of compensation, hold-back releases and clawbacks.</summary>
    public const string Approver = "fund-approver";

    /// <summary>
    /// Finance staff and the coordinating body: propose, agree to and refuse the reversal of a domain entry, which the
    /// quorum of distinct people decides whatever their role (docs/compensation-fund.md §15).
    /// </summary>
    public const string Corrector = "fund-corrector";

    /// <summary>Everything in the ledger: coordinator, finance, auditor.</summary>
    public const string LedgerReader = "fund-ledger-reader";

    public static AuthorizationBuilder AddFundPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(MemberAccountReader, p => p.RequireClaim(
            PlatformClaims.Role, PlatformRoles.City, PlatformRoles.Coordinator, PlatformRoles.Finance, PlatformRoles.Auditor))
        .AddPolicy(Finance, p => p.RequireClaim(PlatformClaims.Role, PlatformRoles.Finance))
        .AddPolicy(Approver, p => p.RequireClaim(PlatformClaims.Role, PlatformRoles.Coordinator))
        .AddPolicy(Corrector, p => p.RequireClaim(PlatformClaims.Role, PlatformRoles.Finance, PlatformRoles.Coordinator))
        .AddPolicy(LedgerReader, p => p.RequireClaim(PlatformClaims.Role, PlatformRoles.Coordinator, PlatformRoles.Finance, PlatformRoles.Auditor));
}
