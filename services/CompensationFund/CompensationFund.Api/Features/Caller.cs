using CompensationFund.Api.Domain.Ledger;
using Platform.Idempotency;
using Platform.ServiceDefaults.Security;

namespace CompensationFund.Api.Features;

/// <summary>Who is asking, as the ledger records it on the entries a request causes.</summary>
public static class Caller
{
    /// <summary>The platform's one notion of who asks (<see cref="ClaimsPrincipalExtensions.Caller"/>).</summary>
    public static string Name(HttpContext http) => http.User.Caller();

    public static string Role(HttpContext http) => http.User.Role() ?? "unknown";

    /// <summary>The source of an entry a caller posts: who, and the <c>Idempotency-Key</c> it was sent with.</summary>
    public static EntrySource Source(HttpContext http)
    {
        var key = http.Request.Headers[IdempotencyKeys.HeaderName].ToString();
        return EntrySource.Request(Name(http), key.Length == 0 ? null : key);
    }

    public static Approval Approval(HttpContext http, DateTimeOffset at, string? note = null) => new(Name(http), Role(http), at, note);
}
