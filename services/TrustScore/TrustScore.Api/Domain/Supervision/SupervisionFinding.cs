namespace TrustScore.Api.Domain.Supervision;

/// <summary>What the coordinating body found (domain.md §3.1: accountability for these breaches).</summary>
public enum FindingKind
{
    Concealment,
    FalseReport,
    LateReport,
    NonCooperation,
    RefusalToJoinJointAction,

    /// <summary>A self-assessment far above the third-party panel's (domain.md §4.4), recorded from evaluation.</summary>
    InflatedSelfAssessment,
}

public enum FindingSeverity
{
    Minor,
    Major,
    Severe,
}

/// <summary>
/// Vertical supervision (domain.md §3.4): a breach the coordinating body (or an accredited evaluator) established about a
/// member. It counts fully as broken-commitment evidence, weighted by severity; proven concealment and any severe finding
/// drop the city to tier D directly until remedied and the waiting period has passed (§4.3).
/// </summary>
public sealed class SupervisionFinding
{
    public Guid Id { get; set; }

    public string CityId { get; set; } = string.Empty;

    public FindingKind Kind { get; set; }

    public FindingSeverity Severity { get; set; }

    public string Description { get; set; } = string.Empty;

    /// <summary>The commitment the breach concerns, if any.</summary>
    public string? CommitmentId { get; set; }

    /// <summary><c>coordinating-body</c>, or the accredited body that established it (evaluation's third-party panel).</summary>
    public string FoundBy { get; set; } = string.Empty;

    public DateTimeOffset FoundAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawnBecause { get; set; }

    public DateTimeOffset? RemediedAt { get; set; }

    public string? Remedy { get; set; }

    public double Weight => WeightOf(Severity);

    /// <summary>Proven concealment, or any severe breach: tier D directly (domain.md §4.3).</summary>
    public bool ForcesTierD => Kind == FindingKind.Concealment || Severity == FindingSeverity.Severe;

    /// <summary>Minor 1, major 3, severe 6: a severe breach outweighs several kept commitments, so breaking faith costs more than keeping it earns (§3.4).</summary>
    public static double WeightOf(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Minor => 1,
        FindingSeverity.Major => 3,
        _ => 6,
    };

    public bool InForceAt(DateTimeOffset asOf) => RecordedAt <= asOf && !(WithdrawnAt is { } withdrawn && withdrawn <= asOf);

    public bool ForcesTierDAt(DateTimeOffset asOf, TimeSpan repairWaitingPeriod) =>
        ForcesTierD && InForceAt(asOf) && (RemediedAt is not { } remedied || remedied + repairWaitingPeriod > asOf);
}
