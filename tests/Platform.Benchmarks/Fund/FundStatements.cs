using Npgsql;

namespace Platform.Benchmarks.Fund;

/// <summary>
/// Where the database's time goes under load: PostgreSQL's own per-statement totals (<c>pg_stat_statements</c>, with
/// <c>track = all</c> so the statements inside <c>fund_apply_movements</c> count too) over one measured API phase.
/// Only when the server was started with the extension loaded:
/// <c>LOCAL_POSTGRES_SETTINGS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"</c>.
/// Times are the statements' elapsed time (waits for row locks included), not CPU.
/// </summary>
internal static class FundStatements
{
    public static async Task<bool> ResetAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var loaded = new NpgsqlCommand("select current_setting('shared_preload_libraries') like '%pg_stat_statements%'", connection);
        if (await loaded.ExecuteScalarAsync() is not true)
        {
            return false;
        }

        await using var create = new NpgsqlCommand("create extension if not exists pg_stat_statements; select pg_stat_statements_reset()", connection);
        await create.ExecuteNonQueryAsync();
        return true;
    }

    public static async Task PrintAsync(string connectionString, string phase, int entries)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select calls, total_exec_time, toplevel, rows, shared_blks_hit + shared_blks_read + shared_blks_dirtied + shared_blks_written,
                   wal_records, regexp_replace(query, '\s+', ' ', 'g'), wal_bytes, wal_fpi
            from pg_stat_statements order by total_exec_time desc limit 20
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine($"  statements of one {phase} phase ({entries} entries), by elapsed time (pg_stat_statements; nested ones marked >):");
        while (await reader.ReadAsync())
        {
            var sql = reader.GetString(6);
            Console.WriteLine(
                $"    {(reader.GetBoolean(2) ? " " : ">")} {(double)reader.GetInt64(0) / entries,6:F2} calls/entry {reader.GetDouble(1) * 1000 / entries,7:F1} µs/entry"
                + $" {(double)reader.GetInt64(3) / entries,5:F2} rows {(double)reader.GetInt64(5) / entries,5:F1} wal {reader.GetDecimal(7) / entries,6:F0} B {(double)reader.GetInt64(8) / entries,5:F2} fpi"
                + $"  {(sql.Length > 100 ? sql[..100] : sql)}");
        }
    }
}
