namespace Platform.Messaging.Inbox;

/// <summary>
/// A message the service could not apply after its retries: kept with its full envelope and payload so an
/// operator can see why and replay it once the cause is fixed.
/// </summary>
public sealed class DeadLetter
{
    public Guid Id { get; set; }

    public string Topic { get; set; } = string.Empty;

    public int Partition { get; set; }

    public long Offset { get; set; }

    public string? Key { get; set; }

    public Dictionary<string, string> Headers { get; set; } = [];

    public string Payload { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    public int Attempts { get; set; }

    public DateTimeOffset FailedAt { get; set; }

    public DateTimeOffset? ReplayedAt { get; set; }

    public string? ReplayOutcome { get; set; }
}
