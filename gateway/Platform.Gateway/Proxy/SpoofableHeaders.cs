namespace Platform.Gateway.Proxy;

/// <summary>
/// Headers through which a caller could pose as someone else or fake what the gateway or another proxy would
/// have said about the request (architecture.md §6: the gateway removes identity headers a client sent). The
/// services take identity only from the bearer token, which is forwarded; these are dropped so no service,
/// middleware or log line can be misled by them.
/// </summary>
public static class SpoofableHeaders
{
    /// <summary><c>X-Forwarded-*</c> is rewritten by the proxy itself after the client's copies are gone.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["X-Forwarded-", "X-User-", "X-Internal-", "X-Original-"];

    public static readonly IReadOnlyList<string> Names =
        ["X-City-Id", "X-Role", "X-Client-Id", "X-Evaluator-Id", "Forwarded", "X-Real-IP"];

    public static bool IsSpoofable(string headerName) =>
        Names.Any(n => headerName.Equals(n, StringComparison.OrdinalIgnoreCase))
        || Prefixes.Any(p => headerName.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
