using System.Collections.Concurrent;

namespace Platform.EndToEndTests.Faults;

/// <summary>A finalized allocation as cost-sharing answered it: its id and the cities that pay in (each owes a settlement commitment).</summary>
public sealed record AcceptedAllocation(Guid IncidentId, Guid AllocationId, IReadOnlyList<string> PayingCities);

/// <summary>A manual journal entry the fund answered 201 for, with the key its client sent on every attempt.</summary>
public sealed record AcceptedPosting(string IdempotencyKey, Guid EntryId, decimal Amount);

/// <summary>
/// What clients were told was done, across the fault collection: registered cities, finalized allocations and posted
/// entries. The platform must show each exactly once, however often the request was sent.
/// </summary>
public sealed class AcceptedEffects
{
    private readonly ConcurrentDictionary<string, byte> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, AcceptedAllocation> _allocations = new();
    private readonly ConcurrentDictionary<string, AcceptedPosting> _postings = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Members => [.. _members.Keys];

    public IReadOnlyCollection<AcceptedAllocation> Allocations => [.. _allocations.Values];

    public IReadOnlyCollection<AcceptedPosting> Postings => [.. _postings.Values];

    public void Registered(string cityId) => _members.TryAdd(cityId, 0);

    public void Allocated(AcceptedAllocation allocation) => _allocations.TryAdd(allocation.AllocationId, allocation);

    /// <summary>A replayed answer (same key) carries the same entry: recorded once.</summary>
    public void Posted(AcceptedPosting posting)
    {
        if (!_postings.TryAdd(posting.IdempotencyKey, posting) && _postings[posting.IdempotencyKey].EntryId != posting.EntryId)
        {
            throw new InvalidOperationException($"Idempotency-Key {posting.IdempotencyKey} was answered with two different entries.");
        }
    }
}
