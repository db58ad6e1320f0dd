namespace Communication.Api.Domain.Feed;

/// <summary>
/// One warning on one city's feed, at the city's next sequence number. The sequence is the SSE event id, so a reconnect with
/// <c>Last-Event-ID</c> resumes exactly after the last warning the city received: nothing lost, nothing repeated.
/// </summary>
public sealed class FeedEntry
{
    public string Id { get; set; } = string.Empty;

    public string CityId { get; set; } = string.Empty;

    public long Sequence { get; set; }

    public FeedWarning Warning { get; set; } = null!;

    public static FeedEntry For(string cityId, long sequence, FeedWarning warning) =>
        new() { Id = Key(cityId, sequence), CityId = cityId, Sequence = sequence, Warning = warning };

    /// <summary>Zero-padded, so the ids of one city sort in sequence order.</summary>
    public static string Key(string cityId, long sequence) => $"{cityId}/{sequence:D19}";
}

/// <summary>What a feed event carries: enough to act on the warning without another call.</summary>
public sealed record FeedWarning(
    Guid WarningId,
    string Identifier,
    string MsgType,
    string SenderCityId,
    string Category,
    string Level,
    string Event,
    string? Headline,
    IReadOnlyList<Guid> References,
    DateTimeOffset Sent,
    DateTimeOffset? Onset,
    DateTimeOffset? Expires,
    DateTimeOffset? AcknowledgeBy);

/// <summary>
/// A city's feed head: the last sequence number given out. Stored with optimistic concurrency, so two warnings issued at
/// once to the same city cannot take the same number; the loser retries and takes the next.
/// </summary>
public sealed class CityFeed
{
    public string CityId { get; set; } = string.Empty;

    public long LastSequence { get; set; }

    public long Next() => ++LastSequence;
}
