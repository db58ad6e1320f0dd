using System.Collections.Concurrent;
using Communication.Api.Domain.Feed;
using Marten;

namespace Communication.Api.Infrastructure.Feed;

/// <summary>
/// Fans each city's new feed entries out to that city's live connections on this replica. The store is the source of truth:
/// a notification (PostgreSQL NOTIFY, from whichever replica committed the warning) makes the hub read the new entries once
/// and wake every waiting connection, which then take them from memory; a connection further behind reads the store itself.
/// </summary>
/// <remarks>
/// Implementation note: one read per notification, not one per connection, is what lets a warning reach a thousand connections
/// quickly. Sequences of a city are committed in order and without gaps (see <see cref="CityFeed"/>), so "entries after the
/// head" read at any moment is a complete continuation of what was read before.
/// </remarks>
public sealed class FeedHub(IDocumentStore store)
{
    private const int Kept = 256;
    private readonly ConcurrentDictionary<string, CityStream> _streams = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<FeedEntry>> ReadAfterAsync(string cityId, long after, CancellationToken cancellationToken)
    {
        var stream = await StreamAsync(cityId, cancellationToken);
        var (head, recent, _) = stream.Snapshot();
        if (after >= head)
        {
            return [];
        }

        if (recent.Length > 0 && recent[0].Sequence <= after + 1)
        {
            return [.. recent.Where(e => e.Sequence > after)];
        }

        await using var session = store.QuerySession();
        return await session.Query<FeedEntry>()
            .Where(e => e.CityId == cityId && e.Sequence > after)
            .OrderBy(e => e.Sequence)
            .Take(500)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The city's last sequence number: where a feed opened without <c>Last-Event-ID</c> starts.</summary>
    public async Task<long> HeadAsync(string cityId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<CityFeed>(cityId, cancellationToken))?.LastSequence ?? 0;
    }

    /// <summary>Waits until the city's feed has an entry after <paramref name="after"/>, or <paramref name="timeout"/> passes.</summary>
    /// <returns>False on timeout.</returns>
    public async Task<bool> WaitAsync(string cityId, long after, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stream = await StreamAsync(cityId, cancellationToken);
        var (head, _, changed) = stream.Snapshot();
        if (head > after)
        {
            return true;
        }

        try
        {
            await changed.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Something was committed to the city's feed: read it once and wake the connections.</summary>
    public async Task NotifyAsync(string cityId, CancellationToken cancellationToken)
    {
        if (!_streams.TryGetValue(cityId, out var stream))
        {
            return;
        }

        await stream.RefreshAsync(store, cancellationToken);
    }

    /// <summary>After the notification channel was lost: every city with a stream catches up from the store.</summary>
    public async Task RefreshAllAsync(CancellationToken cancellationToken)
    {
        foreach (var stream in _streams.Values)
        {
            await stream.RefreshAsync(store, cancellationToken);
        }
    }

    private async Task<CityStream> StreamAsync(string cityId, CancellationToken cancellationToken)
    {
        var stream = _streams.GetOrAdd(cityId, id => new CityStream(id));
        await stream.InitializeAsync(store, cancellationToken);
        return stream;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One per city for the life of the process.")]
    private sealed class CityStream(string cityId)
    {
        // Lives as long as the hub (a singleton): never disposed, like the process's own locks.
#pragma warning disable CA2213
        private readonly SemaphoreSlim _gate = new(1, 1);
#pragma warning restore CA2213
        private readonly Lock _lock = new();
        private long _head = -1;
        private FeedEntry[] _recent = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public (long Head, FeedEntry[] Recent, Task Changed) Snapshot()
        {
            lock (_lock)
            {
                return (_head, _recent, _changed.Task);
            }
        }

        public async Task InitializeAsync(IDocumentStore store, CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _head) >= 0)
            {
                return;
            }

            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (_head < 0)
                {
                    await using var session = store.QuerySession();
                    var feed = await session.LoadAsync<CityFeed>(cityId, cancellationToken);
                    lock (_lock)
                    {
                        _head = feed?.LastSequence ?? 0;
                    }
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task RefreshAsync(IDocumentStore store, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                var head = Math.Max(_head, 0);
                await using var session = store.QuerySession();
                var added = await session.Query<FeedEntry>()
                    .Where(e => e.CityId == cityId && e.Sequence > head)
                    .OrderBy(e => e.Sequence)
                    .Take(Kept)
                    .ToListAsync(cancellationToken);
                if (added.Count == 0)
                {
                    return;
                }

                lock (_lock)
                {
                    var contiguous = _recent.Length > 0 && _recent[^1].Sequence == head;
                    _recent = contiguous ? [.. _recent.Concat(added).TakeLast(Kept)] : [.. added];
                    _head = added[^1].Sequence;
                    var woken = _changed;
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    woken.TrySetResult();
                }
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
