using Npgsql;

namespace Platform.Messaging.Inbox.Parking;

/// <summary>What the releaser, the admin list and the metrics read from the park.</summary>
public sealed partial class ParkingLot
{
    /// <summary>Waiting messages due for a try that are first of their key (nothing parked before them), oldest first.</summary>
    public async Task<List<ParkedMessage>> DueHeadsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select {Columns} from {tables.Parked} p
            where p.state = 'waiting' and p.next_attempt_at <= now()
              and not exists (select 1 from {tables.Parked} q where q.topic = p.topic and q.message_key = p.message_key and q.sequence < p.sequence)
            order by p.sequence limit @limit
            """);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The first parked message of a key, if any.</summary>
    public async Task<ParkedMessage?> HeadOfAsync(string topic, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from {tables.Parked} where topic = @topic and message_key = @key order by sequence limit 1");
        command.Parameters.AddWithValue("topic", topic);
        command.Parameters.AddWithValue("key", key);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<ParkedMessage?> FindAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from {tables.Parked} where message_id = @id");
        command.Parameters.AddWithValue("id", messageId);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The park for the coordinator, in the order messages will be released.</summary>
    public async Task<List<ParkedMessage>> ListAsync(string? state, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from {tables.Parked} where @state::text is null or state = @state order by sequence limit @limit");
        command.Parameters.AddWithValue("state", NpgsqlTypes.NpgsqlDbType.Text, (object?)state ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Counts by state and the age of the oldest parked message, for the metrics (the park is small: a cheap scan).</summary>
    public async Task<(long Waiting, long Dead, double OldestAgeSeconds)> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select count(*) filter (where state = 'waiting'), count(*) filter (where state = 'dead'),
                   coalesce(extract(epoch from now() - min(parked_at)), 0)::float8
            from {tables.Parked}
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2));
    }

    private static async Task<List<ParkedMessage>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<ParkedMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var topic = reader.GetString(2);
            var key = reader.GetString(3);
            rows.Add(new ParkedMessage(
                reader.GetGuid(0), reader.GetInt64(1), topic, key, reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetInt32(7), reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9))
            {
                Message = new IncomingMessage(
                    topic, reader.GetInt32(10), reader.GetInt64(11), key, ReadHeaders(reader.GetString(12)), reader.GetFieldValue<byte[]>(13)),
            });
        }

        return rows;
    }
}
