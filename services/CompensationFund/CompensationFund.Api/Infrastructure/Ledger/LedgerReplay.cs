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

/// <summary>
/// Rebuilds every balance from the event log and checks it against the live balances and the movement history
/// (architecture.md §4). Everything is read in one repeatable-read snapshot, so postings committing meanwhile can
/// never show as a false difference.
/// </summary>
public sealed class LedgerReplay(IDocumentStore store, LedgerSchema schema)
{
    private const int PageSize = 5_000;

    public async Task<ReplayResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(new Marten.Services.SessionOptions { IsolationLevel = IsolationLevel.RepeatableRead });
        await session.BeginTransactionAsync(cancellationToken);
        var sheet = new BalanceSheet();
        long events = 0, after = 0, entries = 0;
        var untraceable = new List<Guid>();
        while (true)
        {
            var page = await session.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(cancellationToken);
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
            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Sequence;
        }

        var live = await SumsAsync(session.Connection!, $"select account_id, debits_posted, credits_posted, debits_pending, credits_pending from {schema.Balances}", cancellationToken);
        var history = await SumsAsync(
            session.Connection!,
            $"""
            select account_id, sum(debits_posted)::bigint, sum(credits_posted)::bigint, sum(debits_pending)::bigint, sum(credits_pending)::bigint
            from {schema.MovementTable} group by account_id
            """,
            cancellationToken);
        return new ReplayResult(events, sheet.Balances, live, sheet.CompareWith(live), sheet.CompareWith(history), untraceable, entries);
    }

    private static async Task<Dictionary<string, AccountBalance>> SumsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var result = new Dictionary<string, AccountBalance>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = new AccountBalance(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        return result;
    }
}
