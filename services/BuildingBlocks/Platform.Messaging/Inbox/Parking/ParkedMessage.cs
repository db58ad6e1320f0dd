namespace Platform.Messaging.Inbox.Parking;

/// <summary>Whether a parked message waits for its next try or is a dead letter holding its key until replayed or discarded.</summary>
public static class ParkedState
{
    public const string Waiting = "waiting";
    public const string Dead = "dead";
}

/// <summary>
/// A consumed message held back: either it could not be applied yet (its handler threw
/// <see cref="MessageNotReadyException"/>), or an earlier message of its key is held, or it is a dead letter.
/// </summary>
public sealed record ParkedMessage(
    Guid MessageId,
    long Sequence,
    string Topic,
    string Key,
    string? Type,
    string State,
    string Reason,
    int Attempts,
    DateTimeOffset ParkedAt,
    DateTimeOffset NextAttemptAt)
{
    /// <summary>The message itself, for a redelivery; not shown in the admin list.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IncomingMessage? Message { get; init; }
}
