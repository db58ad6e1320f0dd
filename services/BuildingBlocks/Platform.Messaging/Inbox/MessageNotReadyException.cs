namespace Platform.Messaging.Inbox;

/// <summary>
/// Thrown by a handler when a message cannot be applied <em>yet</em> because something it depends on has not arrived
/// (an allocation for a city whose <c>MemberJoined</c> is still on its way). It is not poison: the inbox parks the message
/// durably and redelivers it later, holding later messages of the same key behind it so they apply in order
/// (docs/messaging.md, "Not yet").
/// </summary>
public sealed class MessageNotReadyException(string reason) : Exception(reason)
{
    /// <summary>What the message waits for, in words an operator understands ("member hangzhou has not joined").</summary>
    public string Reason => Message;
}
