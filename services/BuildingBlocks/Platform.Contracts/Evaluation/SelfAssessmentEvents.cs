namespace Platform.Contracts.Evaluation;

/// <summary>
/// A city's self-assessment exceeded the third-party panel's score for it by more than the round's threshold
/// (docs/domain.md §4.4): its self score was capped or dropped (<paramref name="Action"/>: <c>capped</c> or <c>dropped</c>).
/// Trust-score records it as evidence against the city. Scores on 0–100.
/// </summary>
[IntegrationEvent("evaluation.self-assessment-inflated", 1)]
public sealed record SelfAssessmentInflated(
    Guid RoundId,
    string CityId,
    decimal SelfScore,
    decimal ThirdPartyScore,
    decimal Gap,
    decimal Threshold,
    string Action,
    DateTimeOffset DetectedAt);
