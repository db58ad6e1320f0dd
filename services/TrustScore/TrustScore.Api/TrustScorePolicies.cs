using Microsoft.AspNetCore.Authorization;
using Platform.ServiceDefaults.Security;

namespace TrustScore.Api;

/// <summary>Who may do what in trust-score, beyond the shared policies ("Access").</summary>
public static class TrustScorePolicies
{
    /// <summary>A member city acting for itself: peer reports, appeals.</summary>
    public const string City = "trust-city";

    /// <summary>
    /// Evidence (commitments, findings, reports, the itemized explanation) is visible to the subject city, the
    /// coordinating body and the auditor; a city only its own, checked by the endpoint.
    /// </summary>
    public const string EvidenceReader = "trust-evidence-reader";

    public static AuthorizationBuilder AddTrustScorePolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(City, p => p.RequireClaim(PlatformClaims.Role, PlatformRoles.City).RequireClaim(PlatformClaims.CityId))
        .AddPolicy(EvidenceReader, p => p.RequireClaim(PlatformClaims.Role, PlatformRoles.City, PlatformRoles.Coordinator, PlatformRoles.Auditor));
}
