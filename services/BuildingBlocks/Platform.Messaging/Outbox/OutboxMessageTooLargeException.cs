namespace Platform.Messaging.Outbox;

/// <summary>
/// An event larger than the broker accepts (<c>Messaging:MaxMessageBytes</c>). Thrown by <see cref="EventOutbox.Enqueue"/>
/// before anything is queued, so the state change it belongs to is not saved either: nothing is written.
/// </summary>
public sealed class OutboxMessageTooLargeException(string type, string key, int size, int limit)
    : InvalidOperationException($"Event {type} for {key} is {size} bytes; the broker accepts at most {limit}. Nothing was written.")
{
    public int Size { get; } = size;

    public int Limit { get; } = limit;
}
