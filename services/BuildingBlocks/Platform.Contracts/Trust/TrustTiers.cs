namespace Platform.Contracts.Trust;

/// <summary>The tiers <see cref="TrustTierChanged"/> carries (domain.md §4.3), from the most trusted to the least, and M.</summary>
public static class TrustTiers
{
    public const string A = "A";
    public const string B = "B";
    public const string C = "C";
    public const string D = "D";

    /// <summary>Insufficient evidence yet: treated as average until there is some.</summary>
    public const string Insufficient = "M";
}
