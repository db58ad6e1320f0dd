namespace Platform.Idempotency;

/// <summary>What of a request its <c>Idempotency-Key</c> record remembers, to tell a retry from another request.</summary>
public enum IdempotencyRequestHash
{
    /// <summary>The body's bytes as sent (with the method, path and query).</summary>
    SentBody,

    /// <summary>
    /// The canonical form (<see cref="CanonicalJson"/>) of the body the endpoint bound: a retry serialized differently
    /// (other property order or case, <c>5.50</c> for <c>5.5</c>, an explicit <c>null</c>) is the same request. For an
    /// endpoint without a bound JSON body it falls back to the bytes sent.
    /// </summary>
    BoundBody,
}
