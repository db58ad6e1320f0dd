namespace Platform.Idempotency;

/// <summary>How an endpoint keeps two requests with one <c>Idempotency-Key</c>, both in flight, from both acting.</summary>
public enum IdempotencyGuard
{
    /// <summary>
    /// A lock on the caller and key, taken with the look-up of a stored response and held until the request has
    /// finished: the second request waits, then replays the first one's response. Safe for any use case, at two round
    /// trips on a connection of its own.
    /// </summary>
    Lock,

    /// <summary>
    /// No lock and no look-up before the use case: a request that commits costs no extra round trip. A second request
    /// in flight runs too; at most one of the two commits, because both write the key's record in their transaction, and
    /// the one that does not — failing on the record's key, on a record the first one created, or on a guard the first
    /// one's commit tripped, or refused without writing — then finds the first one's record and replays its response.
    /// For use cases whose every effect commits in the transaction that writes the record
    /// (<see cref="IdempotencyKeys.Prepare"/> or <see cref="IdempotencyKeys.Complete"/>) and which answer a success
    /// only once it has committed, which the platform's do; the lock stays the default until each has a test of
    /// same-key requests in flight.
    /// </summary>
    RecordFirst,
}
