namespace TrustScore.Api.Domain;

/// <summary>A city's published trust from <see cref="At"/> on, written whenever the evidence changed it: the score's history.</summary>
public sealed class ScoreHistoryEntry
{
    public Guid Id { get; set; }

    public string CityId { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public double R { get; set; }

    public double S { get; set; }

    public double Score { get; set; }

    public double Uncertainty { get; set; }

    public TrustTier Tier { get; set; }

    public bool SevereDefault { get; set; }

    /// <summary>What changed the evidence ("settlement paid", "peer report", "default after grace period").</summary>
    public string Cause { get; set; } = string.Empty;
}
