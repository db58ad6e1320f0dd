namespace CostSharing.Api.Domain.Agreements;

/// <summary>The risk categories of domain.md §1, by their stable wire names.</summary>
public static class RiskCategories
{
    public static readonly IReadOnlyList<string> All =
        ["natural-disaster", "public-health", "accident-disaster", "social-security", "emerging"];
}

/// <summary>The three typical scenarios of a cross-boundary risk (domain.md §1).</summary>
public static class Scenarios
{
    /// <summary>The hazard itself spans several cities (a river rising along its course).</summary>
    public const string HazardSpansCities = "hazard-spans-cities";

    /// <summary>The hazard is in one city, the exposed are spread across many (ash carried by wind).</summary>
    public const string ExposureSpread = "exposure-spread";

    /// <summary>The hazard is in one city, the exposed are in another.</summary>
    public const string ExposureElsewhere = "exposure-elsewhere";

    public static readonly IReadOnlyList<string> All = [HazardSpansCities, ExposureSpread, ExposureElsewhere];
}
