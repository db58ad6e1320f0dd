using Npgsql;

namespace Platform.EndToEndTests.Faults;

/// <summary>
/// The row count of every table of every service's schema (documents, event streams, outbox, inbox, park, idempotency
/// records): a handler that ran twice leaves a row it should not (an event, an outbox message, a history line) even where
/// the API shows only its latest state.
/// </summary>
public static class TableCounts
{
    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_schema || '.' || table_name from information_schema.tables where table_type = 'BASE TABLE' "
            + "and table_schema not in ('pg_catalog', 'information_schema', 'public') order by 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from {table}", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }
}
