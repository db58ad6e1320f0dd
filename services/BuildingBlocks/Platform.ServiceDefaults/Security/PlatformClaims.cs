using System.Security.Claims;

namespace Platform.ServiceDefaults.Security;

/// <summary>The claim names the platform's tokens carry (architecture.md §6).</summary>
public static class PlatformClaims
{
    public const string Role = "role";
    public const string CityId = "city_id";
    public const string EvaluatorId = "evaluator_id";
    public const string ClientId = "client_id";
    public const string Subject = "sub";
}

/// <summary>The five roles a caller can hold.</summary>
public static class PlatformRoles
{
    public const string City = "city";
    public const string Coordinator = "coordinator";
    public const string Evaluator = "evaluator";
    public const string Finance = "finance";
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [City, Coordinator, Evaluator, Finance, Auditor];
}

/// <summary>Named authorization policies shared by the gateway and the services.</summary>
public static class PlatformPolicies
{
    /// <summary>Any authenticated caller of any role.</summary>
    public const string AnyRole = "any-role";

    /// <summary>Coordinating body only: registering members, approving.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>Everyone who may read alliance-wide records: coordinator, finance, auditor, evaluator.</summary>
    public const string AllianceReader = "alliance-reader";
}

public static class ClaimsPrincipalExtensions
{
    public static string? Role(this ClaimsPrincipal user) => user.FindFirst(PlatformClaims.Role)?.Value;

    public static string? CityId(this ClaimsPrincipal user) => user.FindFirst(PlatformClaims.CityId)?.Value;

    public static bool IsCity(this ClaimsPrincipal user) => user.Role() == PlatformRoles.City;

    /// <summary>True when the caller may see records that belong to <paramref name="cityId"/>.</summary>
    public static bool MayReadCity(this ClaimsPrincipal user, string cityId) =>
        !user.IsCity() || string.Equals(user.CityId(), cityId, StringComparison.Ordinal);

    /// <summary>
    /// Who is asking, as one identity: the token's subject (a person), else its client, else <c>anonymous</c>. Idempotency
    /// keys are scoped by it and the ledger records it on what a request causes; distinct approvers are distinct callers.
    /// </summary>
    public static string Caller(this ClaimsPrincipal user) =>
        user.FindFirst(PlatformClaims.Subject)?.Value ?? user.FindFirst(PlatformClaims.ClientId)?.Value ?? "anonymous";

    /// <summary>Who did it, as a record's history shows it: the city, or the role and client of the caller.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.CityId() ?? $"{user.Role()}:{user.FindFirst(PlatformClaims.ClientId)?.Value ?? user.FindFirst(PlatformClaims.Subject)?.Value ?? "unknown"}";
}
