namespace TrustScore.Api.Domain;

/// <summary>Trust tiers after the administrative credit tiers (domain.md §4.3).</summary>
public enum TrustTier
{
    /// <summary>Insufficient evidence to rate the city yet.</summary>
    M,

    /// <summary>Score at least 0.9.</summary>
    A,

    /// <summary>Score at least 0.7.</summary>
    B,

    /// <summary>Score at least 0.4.</summary>
    C,

    /// <summary>Score below 0.4, or a severe default whatever the score.</summary>
    D,
}
