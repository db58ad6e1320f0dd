using System.Data;
using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using Marten;
using Npgsql;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>What a rebuild found: how many events it folded and every account whose rebuilt balance differs.</summary>
public sealed record ReplayResult(
    long Events,
    IReadOnlyDictionary<string, AccountBalance> Rebuilt,
    IReadOnlyDictionary<string, AccountBalance> Live,
    IReadOnlyList<BalanceDifference> LiveDifferences,
    IReadOnlyList<BalanceDifference> HistoryDifferences,
    IReadOnlyList<Guid> Untraceable,
    long Entries)
{
    public bool Agrees => LiveDifferences.Count == 0 && HistoryDifferences.Count == 0;
}

/// <summary>Where a rebuild starts: balances folded from every event up to <see cref="EventSeq"/>, with what that fold counted.</summary>
/// <see cref="HistoryThrough"/> and <see cref="HistoryClosing"/>, when given, are the movement history summed through a closed
/// day (nothing can be dated into it any more), so the history is summed only after it.
public sealed record RebuildStart(
    long EventSeq, IReadOnlyDictionary<string, AccountBalance> Balances, long Events, long Entries, IReadOnlyList<Guid> Untraceable,
    DateOnly? HistoryThrough = null, IReadOnlyDictionary<string, AccountBalance>? HistoryClosing = null);

/// <summary>
/// Rebuilds every balance from the event log and checks it against the live balances and the movement history
/// (architecture.md §4). Everything is read in one repeatable-read snapshot, so postings committing meanwhile can
/// never show as a false difference.
/// </summary>
public sealed class LedgerReplay(IDocumentStore store, LedgerSchema schema)
{
    private const int PageSize = 5_000;

    public Task<ReplayResult> RunAsync(CancellationToken cancellationToken) => RunAsync(null, null, cancellationToken);

    /// <summary>
    /// The rebuild check starting from <paramref name="from"/> (balances folded from every event up to its sequence; the
    /// whole log when null): only the events after it are folded, then compared with the live balances and the history.
    /// <paramref name="progress"/> hears the number of events folded after each page.
    /// </summary>
    public async Task<ReplayResult> RunAsync(RebuildStart? from, Func<long, Task>? progress, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(new Marten.Services.SessionOptions { IsolationLevel = IsolationLevel.RepeatableRead });
        await session.BeginTransactionAsync(cancellationToken);
        var sheet = new BalanceSheet(from?.Balances);
        var (events, entries, untraceable) = await FoldAsync(session, sheet, from?.EventSeq ?? 0, null, progress, cancellationToken);
        events += from?.Events ?? 0;
        entries += from?.Entries ?? 0;
        untraceable.InsertRange(0, from?.Untraceable ?? []);

        var live = await SumsAsync(session.Connection!, $"select account_id, debits_posted, credits_posted, debits_pending, credits_pending from {schema.Balances}", cancellationToken);
        var history = await SumsAsync(
            session.Connection!,
            $"""
            select account_id, sum(debits_posted)::bigint, sum(credits_posted)::bigint, sum(debits_pending)::bigint, sum(credits_pending)::bigint
            from {schema.MovementTable} where $1::date is null or (account_id = any($2) and value_date > $1) group by account_id
            """,
            cancellationToken,
            from?.HistoryThrough,
            [.. live.Keys]);
        if (from?.HistoryThrough is not null)
        {
            foreach (var (account, c) in from.HistoryClosing ?? new Dictionary<string, AccountBalance>())
            {
                var h = history.GetValueOrDefault(account, AccountBalance.Zero);
                history[account] = new AccountBalance(
                    h.DebitsPosted + c.DebitsPosted, h.CreditsPosted + c.CreditsPosted, h.DebitsPending + c.DebitsPending, h.CreditsPending + c.CreditsPending);
            }
        }

        return new ReplayResult(events, sheet.Balances, live, sheet.CompareWith(live), sheet.CompareWith(history), untraceable, entries);
    }

    /// <summary>
    /// Folds the events after sequence <paramref name="after"/> (through <paramref name="through"/> when given) into
    /// <paramref name="sheet"/>, a page at a time; counts them, the entries among them and those that cannot say why they exist.
    /// </summary>
    public static async Task<(long Events, long Entries, List<Guid> Untraceable)> FoldAsync(
        IQuerySession session, BalanceSheet sheet, long after, long? through, Func<long, Task>? progress, CancellationToken cancellationToken)
    {
        long events = 0, entries = 0;
        var untraceable = new List<Guid>();
        while (true)
        {
            var query = session.Events.QueryAllRawEvents().Where(e => e.Sequence > after);
            if (through is { } last)
            {
                query = query.Where(e => e.Sequence <= last);
            }

            var page = await query.OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(cancellationToken);
            foreach (var e in page)
            {
                sheet.Apply(e.Data);
                var header = e.Data switch { EntryPosted p => p.Header, EntryReserved r => r.Header, _ => null };
                entries += header is null ? 0 : 1;
                if (header is not null && !Domain.Reconciliation.ReconciliationRules.IsTraceable(header.Source))
                {
                    untraceable.Add(e.StreamId);
                }
            }

            events += page.Count;
            if (progress is not null)
            {
                await progress(events);
            }

            if (page.Count < PageSize)
            {
                return (events, entries, untraceable);
            }

            after = page[^1].Sequence;
        }
    }

    private static async Task<Dictionary<string, AccountBalance>> SumsAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, DateOnly? through = null, string[]? accounts = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (accounts is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)through ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
            command.Parameters.AddWithValue(accounts);
        }

        var result = new Dictionary<string, AccountBalance>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = new AccountBalance(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        return result;
    }
}
