using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Messaging.Outbox;

/// <summary>The relay's SQL, kept apart from its control flow.</summary>
public sealed partial class OutboxRelay
{
    /// <summary>
    /// Takes the relay's lock, if free, in one round trip with the guards of its transaction: a replica that freezes while
    /// holding the lock must not hold it for hours, so PostgreSQL ends the transaction once idle for <c>RelayIdleTimeout</c>,
    /// and keepalives probe a peer that vanished from the network.
    /// </summary>
    private async Task<bool> TryLockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var idle = (long)Math.Max(_options.RelayIdleTimeout.TotalMilliseconds, 2 * _options.ProduceTimeout.TotalMilliseconds);
        await using var command = new NpgsqlCommand(
            $"""
            set local idle_in_transaction_session_timeout = {idle};
            set local tcp_keepalives_idle = 30; set local tcp_keepalives_interval = 10; set local tcp_keepalives_count = 3;
            select pg_try_advisory_xact_lock(hashtext(@lock))
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("lock", tables.Outbox);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Unpublished rows in position order, except those of a key held by an earlier parked row.</summary>
    private async Task<List<OutboxRow>> ReadUnpublishedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select position, message_id, topic, message_key, message_type, schema_version, payload,
                   correlation_id, causation_id, trace_parent, trace_state, occurred_at
            from {tables.Outbox} o
            where published_at is null and parked_at is null
              and not exists (select 1 from {tables.Outbox} p
                              where p.parked_at is not null and p.published_at is null and p.message_key = o.message_key and p.position < o.position)
            order by position limit @limit
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

    /// <summary>
    /// The backlog metrics, at most every <c>BacklogSampleInterval</c> and outside the relay's lock: the count is bounded
    /// and the oldest row is read through the unpublished index, so a large backlog does not cost a scan per batch.
    /// </summary>
    private async Task SampleBacklogAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow - _lastSample < _options.BacklogSampleInterval)
        {
            return;
        }

        _lastSample = DateTimeOffset.UtcNow;
        await using var command = dataSource.CreateCommand(
            $"""
            select (select count(*) from (select 1 from {tables.Outbox} where published_at is null limit 1000000) b),
                   coalesce(extract(epoch from now() - (select occurred_at from {tables.Outbox} where published_at is null order by position limit 1)), 0)::float8,
                   (select count(*) from {tables.Outbox} where parked_at is not null and published_at is null)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        MessagingMetrics.OutboxBacklog.Set(reader.GetInt64(0));
        MessagingMetrics.OutboxOldestAge.Set(reader.GetDouble(1));
        MessagingMetrics.OutboxParked.Set(reader.GetInt64(2));
    }

    /// <summary>
    /// Marks acknowledged rows published and counts failures. A failure is the row's own when the broker refused the
    /// message itself or acknowledged other rows in the same pass; after <c>RelayParkAfter</c> of those the row is parked
    /// (it and its key wait for the coordinator). A broker outage fails every row and counts against none.
    /// </summary>
    private async Task MarkAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long[] acknowledged, List<Outcome> failures, bool othersAcknowledged, CancellationToken cancellationToken)
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
                $"""
                update {tables.Outbox} set attempts = attempts + 1, last_error = @error,
                    own_failures = own_failures + case when position = any(@own) then 1 else 0 end,
                    parked_at = case when position = any(@own) and own_failures + 1 >= @parkAfter then now() else parked_at end
                where position = any(@positions)
                returning position, message_key, parked_at is not null
                """,
                connection,
                transaction);
            failed.Parameters.AddWithValue("positions", NpgsqlDbType.Array | NpgsqlDbType.Bigint, failures.Select(f => f.Row.Position).ToArray());
            failed.Parameters.AddWithValue("error", failures[0].Error ?? "unknown");
            failed.Parameters.AddWithValue(
                "own", NpgsqlDbType.Array | NpgsqlDbType.Bigint, failures.Where(f => othersAcknowledged || f.Refused).Select(f => f.Row.Position).ToArray());
            failed.Parameters.AddWithValue("parkAfter", Math.Max(1, _options.RelayParkAfter));
            await using var reader = await failed.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetBoolean(2))
                {
                    logger.LogError(
                        "Outbox row {Position} (key {Key}) failed {Times} times on its own and is parked; its key waits until the coordinator republishes it",
                        reader.GetInt64(0), reader.GetString(1), _options.RelayParkAfter);
                }
            }
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
