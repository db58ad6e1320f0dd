namespace Platform.Contracts.Evaluation;

/// <summary>One city's published evaluation result: composite score (0–100), grade (优/良/中/差 as excellent/good/fair/poor).</summary>
public sealed record CityEvaluationResult(string CityId, decimal CompositeScore, string Grade, decimal? RewardAmount, decimal? PenaltyAmount);

/// <summary>
/// An evaluation round was published (domain.md §4.4). Rewards and penalties apply only when the round
/// passed the reliability gate (<paramref name="Reliable"/>); the fund pays or charges them.
/// </summary>
[IntegrationEvent("evaluation.round-published", 1)]
public sealed record EvaluationPublished(
    Guid RoundId,
    string Kind,
    Guid? IncidentId,
    string Period,
    bool Reliable,
    string Currency,
    IReadOnlyList<CityEvaluationResult> Results,
    DateTimeOffset PublishedAt);
