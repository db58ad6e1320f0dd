using System.Text.Json;
using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Periods;
using CompensationFund.Api.Infrastructure.Ledger;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace CompensationFund.Api.Infrastructure.Reports;

/// <summary>The rebuild's starting point taken from a closed period's snapshot.</summary>
public sealed record SnapshotStart(string Period, RebuildStart Start);

/// <summary>
/// One row per closed period (<c>fund_period_snapshot</c>, docs/compensation-fund.md §9): every account's closing balance as
/// of the period's last day (by value date, what the next close and the trial balance start from), the position of the event
/// log and of the hash chain when it closed, and — built later by the reconciliation — the balances folded from the events
/// up to that position (what the next rebuild check starts from).
/// </summary>
/// <remarks>
/// Implementation note: the event position is the highest sequence visible to the close, but a transaction still in flight
/// then may hold a lower sequence (Marten draws it before the posting takes the period lock) and commit afterwards. So the
/// folded balances are built only once no transaction that started before the close is still running (pg_stat_activity):
/// from then on no event at or below the position can appear, and the fold is final.
/// </remarks>
public sealed class LedgerSnapshots(NpgsqlDataSource dataSource, LedgerSchema schema)
{
    public string Table => $"{schema.Schema}.fund_period_snapshot";

    public static Table Definition(string schemaName)
    {
        var table = new Table(new PostgresqlObjectName(schemaName, "fund_period_snapshot", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("period").AsPrimaryKey();
        table.AddColumn("last_day", "date").NotNull();
        table.AddColumn<long>("event_seq").NotNull();
        table.AddColumn("taken_at", "timestamptz").NotNull();
        table.AddColumn<long>("seal_seq").AllowNulls();
        table.AddColumn<string>("seal_hash").AllowNulls();
        table.AddColumn("closing", "jsonb").NotNull();
        table.AddColumn("rebuilt", "jsonb").AllowNulls();
        table.AddColumn<long>("events").AllowNulls();
        table.AddColumn<long>("entries").AllowNulls();
        table.AddColumn("untraceable", "jsonb").AllowNulls();
        table.AddColumn("built_at", "timestamptz").AllowNulls();
        return table;
    }

    /// <summary>Records the close in its own transaction: the closing balances, the event log's and the chain's positions.</summary>
    public async Task RecordCloseAsync(NpgsqlConnection connection, AccountingPeriod period, IReadOnlyDictionary<string, ClosingBalance> closing, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            insert into {Table} (period, last_day, event_seq, taken_at, seal_seq, seal_hash, closing)
            select $1, $2, coalesce((select max(seq_id) from {schema.Schema}.mt_events), 0), clock_timestamp(), s.seq, s.hash, $3
            from (select 1) one left join (select seq, hash from {schema.Seals} order by seq desc limit 1) s on true
            """,
            connection);
        command.Parameters.AddWithValue(period.ToString());
        command.Parameters.AddWithValue(period.LastDay);
        command.Parameters.Add(new NpgsqlParameter { Value = Write(closing.ToDictionary(c => c.Key, c => new AccountBalance(c.Value.DebitsPosted, c.Value.CreditsPosted, c.Value.DebitsPending, c.Value.CreditsPending))), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The latest closed period's closing balances by value date, or null before the first close.</summary>
    public async Task<(DateOnly LastDay, IReadOnlyDictionary<string, AccountBalance> Balances)?> LatestClosingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select last_day, closing::text from {Table} order by period desc limit 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetFieldValue<DateOnly>(0), Read(reader.GetString(1))) : null;
    }

    /// <summary>The latest period whose folded balances are built, or null (the rebuild then folds the whole log).</summary>
    public async Task<SnapshotStart?> LatestBuiltAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select period, event_seq, rebuilt::text, events, entries, untraceable::text, last_day, closing::text from {Table} where rebuilt is not null order by period desc limit 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SnapshotStart(reader.GetString(0), new RebuildStart(
                reader.GetInt64(1), Read(reader.GetString(2)), reader.GetInt64(3), reader.GetInt64(4), JsonSerializer.Deserialize<List<Guid>>(reader.GetString(5)) ?? [],
                reader.GetFieldValue<DateOnly>(6), Read(reader.GetString(7))))
            : null;
    }

    /// <summary>Closed periods not built yet, oldest first, with whether their position is final (no transaction older than the close runs).</summary>
    public async Task<IReadOnlyList<(string Period, long EventSeq, bool Final)>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select p.period, p.event_seq, not exists (
                select 1 from pg_stat_activity a
                where a.datname = current_database() and a.pid <> pg_backend_pid() and a.backend_type = 'client backend' and a.xact_start < p.taken_at)
            from {Table} p where p.rebuilt is null order by p.period
            """);
        var pending = new List<(string, long, bool)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add((reader.GetString(0), reader.GetInt64(1), reader.GetBoolean(2)));
        }

        return pending;
    }

    public async Task StoreBuiltAsync(string period, RebuildStart built, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"update {Table} set rebuilt = $2, events = $3, entries = $4, untraceable = $5, built_at = $6 where period = $1 and rebuilt is null");
        command.Parameters.AddWithValue(period);
        command.Parameters.Add(new NpgsqlParameter { Value = Write(built.Balances), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.AddWithValue(built.Events);
        command.Parameters.AddWithValue(built.Entries);
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(built.Untraceable), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.AddWithValue(now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Balances as <c>{"account": [debitsPosted, creditsPosted, debitsPending, creditsPending]}</c>, in fen.</summary>
    private static string Write(IReadOnlyDictionary<string, AccountBalance> balances) =>
        JsonSerializer.Serialize(balances.ToDictionary(b => b.Key, b => new[] { b.Value.DebitsPosted, b.Value.CreditsPosted, b.Value.DebitsPending, b.Value.CreditsPending }));

    private static Dictionary<string, AccountBalance> Read(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, long[]>>(json) ?? []).ToDictionary(b => b.Key, b => new AccountBalance(b.Value[0], b.Value[1], b.Value[2], b.Value[3]), StringComparer.Ordinal);
}
