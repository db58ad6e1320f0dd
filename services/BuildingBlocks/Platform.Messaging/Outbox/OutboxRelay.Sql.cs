using Npgsql;
using NpgsqlTypes;

namespace Platform.Messaging.Outbox;

/// <summary>The relay's SQL, kept apart from its control flow.</summary>
public sealed partial class OutboxRelay
{
    private async Task<bool> TryLockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select pg_try_advisory_xact_lock(hashtext(@lock))", connection, transaction);
        command.Parameters.AddWithValue("lock", tables.Outbox);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<List<OutboxRow>> ReadUnpublishedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select position, message_id, topic, message_key, message_type, schema_version, payload,
                   correlation_id, causation_id, trace_parent, trace_state, occurred_at
            from {tables.Outbox} where published_at is null order by position limit @limit
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("limit", _options.RelayBatchSize);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetString(6), reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.GetFieldValue<DateTimeOffset>(11)));
        }

        return rows;
    }

    private async Task UpdateBacklogAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0) from {tables.Outbox} where published_at is null",
            connection,
            transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        MessagingMetrics.OutboxBacklog.Set(reader.GetInt64(0));
        MessagingMetrics.OutboxOldestAge.Set(Convert.ToDouble(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task MarkAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long[] acknowledged, List<Outcome> failures, CancellationToken cancellationToken)
    {
        if (acknowledged.Length > 0)
        {
            await using var published = new NpgsqlCommand(
                $"update {tables.Outbox} set published_at = now(), attempts = attempts + 1 where position = any(@positions)", connection, transaction);
            published.Parameters.AddWithValue("positions", NpgsqlDbType.Array | NpgsqlDbType.Bigint, acknowledged);
            await published.ExecuteNonQueryAsync(cancellationToken);
        }

        if (failures.Count > 0)
        {
            await using var failed = new NpgsqlCommand(
                $"update {tables.Outbox} set attempts = attempts + 1, last_error = @error where position = any(@positions)", connection, transaction);
            failed.Parameters.AddWithValue("positions", NpgsqlDbType.Array | NpgsqlDbType.Bigint, failures.Select(f => f.Row.Position).ToArray());
            failed.Parameters.AddWithValue("error", failures[0].Error ?? "unknown");
            await failed.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow - _lastCleanup < TimeSpan.FromMinutes(10))
        {
            return;
        }

        _lastCleanup = DateTimeOffset.UtcNow;
        await using var command = dataSource.CreateCommand(
            $"delete from {tables.Outbox} where published_at is not null and published_at < now() - @retention");
        command.Parameters.AddWithValue("retention", _options.PublishedRetention);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
