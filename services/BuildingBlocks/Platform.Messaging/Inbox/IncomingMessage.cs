using Confluent.Kafka;

namespace Platform.Messaging.Inbox;

/// <summary>A message as it came off Kafka (or out of the dead-letter store for a replay).</summary>
public sealed record IncomingMessage(string Topic, int Partition, long Offset, string? Key, Headers Headers, byte[] Payload)
{
    public static IncomingMessage From(ConsumeResult<string, byte[]> result) => new(
        result.Topic, result.Partition.Value, result.Offset.Value, result.Message.Key,
        result.Message.Headers ?? [], result.Message.Value ?? []);
}

public enum InboxOutcome
{
    Applied,
    Duplicate,
    Ignored,
    DeadLettered,

    /// <summary>Held back durably: not ready yet, or behind an earlier held message of its key.</summary>
    Parked,
}
