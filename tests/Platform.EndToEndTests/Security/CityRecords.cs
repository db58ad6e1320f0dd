namespace Platform.EndToEndTests.Security;

/// <summary>
/// Which GET operations with a <c>{cityId}</c> name a city's own records and which name what the alliance publishes
/// to every member (architecture.md §6: scores, published results, aggregate fund figures, and the member registry).
/// Kept beside the suite because ownership is a domain decision no metadata states; a new <c>{cityId}</c> operation
/// fails the suite until it is put in one list or the other.
/// </summary>
public static class CityRecords
{
    /// <summary>A city reads only its own: another city's id is answered exactly like an unknown one (404).</summary>
    public static readonly IReadOnlySet<string> Private = new HashSet<string>(StringComparer.Ordinal)
    {
        "/api/fund/members/{cityId}/accounts",
        "/api/fund/members/{cityId}/statement",
        "/api/fund/members/{cityId}/statement/proofs",
        "/api/fund/members/{cityId}/deposit",
        "/api/trust/scores/{cityId}/explanation",
        "/api/trust/cities/{cityId}/commitments",
        "/api/trust/cities/{cityId}/supervision",
    };

    /// <summary>Every member may read these for every city.</summary>
    public static readonly IReadOnlySet<string> Published = new HashSet<string>(StringComparer.Ordinal)
    {
        "/api/cost-sharing/members/{cityId}",
        "/api/trust/scores/{cityId}",
        "/api/trust/scores/{cityId}/history",
        "/api/evaluation/members/{cityId}",
        "/api/evaluation/members/{cityId}/results",
        "/api/communication/members/{cityId}",
        "/api/communication/capacity/{cityId}",
    };
}
