namespace Platform.Contracts.Communication;

/// <summary>
/// A city's base-data snapshot is older than the agreed refresh interval: a missed information-sharing duty
/// (docs/domain.md §3.5), recorded by trust-score. One event per city and missed interval.
/// </summary>
[IntegrationEvent("communication.snapshot-stale", 1)]
public sealed record SnapshotStale(
    string CityId,
    DateOnly? LastAsOf,
    int RefreshIntervalDays,
    DateOnly DueBy,
    DateTimeOffset DetectedAt);
