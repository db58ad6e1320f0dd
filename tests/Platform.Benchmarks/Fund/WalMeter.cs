using Npgsql;

namespace Platform.Benchmarks.Fund;

/// <summary>
/// What the cluster wrote to its write-ahead log (bytes, full-page images) and whether a checkpoint was completed: a phase
/// during which a checkpoint runs pays for it (every page first changed after it is logged whole, and the checkpointer
/// writes beside the workload), so its rate is not comparable with one that ran without. Bytes are the distance the WAL's
/// insert position moved (exact); full-page images come from the cumulative statistics, which backends report up to a
/// second late, so a phase's count can include some of the phase before.
/// </summary>
internal sealed class WalMeter(string connectionString)
{
    /// <summary>The last completed checkpoint's time (from the control file, not the statistics), the WAL position, the full-page images.</summary>
    public async Task<(long Checkpoint, decimal Bytes, long FullPages)> ReadAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select (select extract(epoch from checkpoint_time)::bigint from pg_control_checkpoint()), pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0'), wal_fpi from pg_stat_wal", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetDecimal(1), reader.GetInt64(2));
    }

    public static string Describe((long Checkpoint, decimal Bytes, long FullPages) before, (long Checkpoint, decimal Bytes, long FullPages) after, int entries) =>
        $"WAL {(after.Bytes - before.Bytes) / entries / 1024:F1} KiB/entry, {(double)(after.FullPages - before.FullPages) / entries:F2} full pages/entry"
        + (after.Checkpoint != before.Checkpoint ? ", a checkpoint ran" : string.Empty);
}
