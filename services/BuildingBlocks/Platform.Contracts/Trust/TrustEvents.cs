namespace Platform.Contracts.Trust;

/// <summary>A city's trust score or tier changed (domain.md §4.3). Tiers: A, B, C, D, M (insufficient evidence).</summary>
[IntegrationEvent("trust-score.tier-changed", 1)]
public sealed record TrustTierChanged(
    string CityId,
    string PreviousTier,
    string Tier,
    double Score,
    double Uncertainty,
    bool SevereDefault,
    DateTimeOffset ChangedAt);
