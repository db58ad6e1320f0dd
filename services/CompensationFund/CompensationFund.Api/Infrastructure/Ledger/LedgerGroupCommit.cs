using System.Threading.Channels;
using CompensationFund.Api.Domain.Ledger;
using Marten;
using Platform.Idempotency;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// Group commit for postings that arrive one per request (<c>POST /entries</c>): the postings waiting while earlier
/// groups commit are written in one transaction — one multi-row insert each for their streams, their events
/// (<see cref="NewStreamsAppend"/>) and their idempotency records, one call of <c>fund_apply_movements</c>, one
/// <c>COMMIT</c> and its flush to disk for the group — and each request is answered only after its own group has committed.
/// </summary>
/// <remarks>
/// Implementation note: there is no timer. A group is formed whenever one of <see cref="Writers"/> transactions is free,
/// from what is waiting then: under a light load every posting commits alone and at once; under a heavy one the groups
/// grow with the queue. <see cref="CommitGroup"/> keeps postings that share an account or an entry apart, so a group is
/// equivalent to its postings committed one after another; a posting on an account that a group in flight holds waits
/// here, not on the row's lock in the database, so the other writer is free for postings that share nothing with it. A
/// group the database refuses (a limit, a closed period, a reused reference or idempotency key) is not one posting's
/// answer: its postings are then committed one by one, each getting its own outcome, exactly as without grouping. A
/// request that gives up while queued does not withdraw its posting: like a request cut off during its <c>COMMIT</c>,
/// its retry with the same <c>Idempotency-Key</c> finds the outcome. The measurements are in docs/compensation-fund.md §12.
/// </remarks>
public sealed class LedgerGroupCommit : IAsyncDisposable
{
    public const int Writers = 2;
    public const int MaxGroup = 64;

    private readonly IDocumentStore _store;
    private readonly FundLedger _ledger;
    private readonly Channel<Posting> _queue = Channel.CreateUnbounded<Posting>();
    private readonly SemaphoreSlim _free = new(Writers, Writers);
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private TaskCompletionSource _groupDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _grouping;

    public LedgerGroupCommit(IDocumentStore store, FundLedger ledger)
    {
        _store = store;
        _ledger = ledger;
        _grouping = Task.Run(GroupAsync);
    }

    /// <summary>
    /// Commits <paramref name="changes"/> (new entries) with the request's idempotency record, if it has one; throws what
    /// committing them alone would throw.
    /// </summary>
    public Task CommitAsync(IReadOnlyList<LedgerChange> changes, IdempotentResponse? response = null)
    {
        var posting = new Posting(changes, response);
        if (!_queue.Writer.TryWrite(posting))
        {
            throw new ObjectDisposedException(nameof(LedgerGroupCommit), "The fund is shutting down; nothing was posted.");
        }

        return posting.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _grouping;
        for (var i = 0; i < Writers; i++)
        {
            await _free.WaitAsync();
        }

        _free.Dispose();
    }

    private async Task GroupAsync()
    {
        var waiting = new List<Posting>();
        while (true)
        {
            await _free.WaitAsync();
            var group = await NextGroupAsync(waiting);
            if (group is null)
            {
                _free.Release();
                return;
            }

            _ = Task.Run(() => CommitGroupAsync(group));
        }
    }

    /// <summary>
    /// The next group for a free writer; waits while nothing is waiting, or while all that waits touches what groups
    /// still committing hold. Null once the queue is closed and empty.
    /// </summary>
    private async Task<List<Posting>?> NextGroupAsync(List<Posting> waiting)
    {
        while (true)
        {
            var groupDone = Volatile.Read(ref _groupDone).Task;
            while (_queue.Reader.TryRead(out var posting))
            {
                waiting.Add(posting);
            }

            lock (_held)
            {
                var group = CommitGroup.Take(waiting, p => p.Touches, MaxGroup, _held);
                if (group.Count > 0)
                {
                    group.ForEach(p => _held.UnionWith(p.Touches));
                    return group;
                }
            }

            if (waiting.Count == 0)
            {
                if (!await _queue.Reader.WaitToReadAsync())
                {
                    return null;
                }

                continue;
            }

            // What waits is held back by a group in flight: go on when one finishes or a new posting arrives.
            var arrived = _queue.Reader.WaitToReadAsync().AsTask();
            if (await Task.WhenAny(groupDone, arrived) == arrived && !await arrived)
            {
                await groupDone;
            }
        }
    }

    private async Task CommitGroupAsync(List<Posting> group)
    {
        try
        {
            await WriteGroupAsync(group);
        }
        finally
        {
            lock (_held)
            {
                group.ForEach(p => _held.ExceptWith(p.Touches));
            }

            _free.Release();
            Interlocked.Exchange(ref _groupDone, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private async Task WriteGroupAsync(List<Posting> group)
    {
        if (group.Count == 1)
        {
            await CommitAloneAsync(group[0]);
            return;
        }

        try
        {
            await using var session = Open(group, together: true);
            await session.SaveChangesAsync(CancellationToken.None);
            FundMetrics.EntryCommitGroupSize.Observe(group.Count);
            group.ForEach(p => p.Done.TrySetResult());
        }
        catch (Exception)
        {
            FundMetrics.EntryCommitGroupsRetried.Inc();
            foreach (var posting in group)
            {
                await CommitAloneAsync(posting);
            }
        }
    }

    /// <summary>Commits one posting as any use case commits: a refusal by the database becomes the fund's reason.</summary>
    private async Task CommitAloneAsync(Posting posting)
    {
        try
        {
            await using var session = Open([posting], together: false);
            await _ledger.CommitAsync(session, posting.Changes, CancellationToken.None);
            FundMetrics.EntryCommitGroupSize.Observe(1);
            posting.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            posting.Done.TrySetException(ex);
        }
    }

    /// <param name="together">Whether the entries' streams start in one statement for the group (<see cref="NewStreamsAppend"/>)
    /// rather than through Marten's own append, which a posting committed alone uses so that a collision is reported as usual.</param>
    private IDocumentSession Open(IReadOnlyList<Posting> group, bool together)
    {
        var session = _store.LightweightSession();
        IdempotentResponse.RecordAllIn(session, group.Select(p => p.Response).OfType<IdempotentResponse>());
        LedgerChange[] changes = [.. group.SelectMany(p => p.Changes)];
        if (together)
        {
            _ledger.RecordNewTogether(session, changes);
        }
        else
        {
            _ledger.Record(session, changes);
        }

        return session;
    }

    private sealed class Posting(IReadOnlyList<LedgerChange> changes, IdempotentResponse? response)
    {
        public IReadOnlyList<LedgerChange> Changes { get; } = changes;

        /// <summary>The entries and accounts this posting writes, which no other posting of its group may share.</summary>
        public string[] Touches { get; } =
        [
            .. changes.Select(c => "entry:" + c.Stream),
            .. changes.Select(c => c.Event).OfType<ILedgerEvent>().SelectMany(Movements.Of).Select(m => "account:" + m.Account),
        ];

        public IdempotentResponse? Response { get; } = response;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
