using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Messaging.Inbox.Parking;

/// <summary>
/// The durable park of messages that cannot be applied yet (<c>platform_parked</c>, beside the inbox), ordered per
/// key: a message whose key already has a parked message parks behind it, so one key's messages apply in the order
/// they were consumed (docs/messaging.md, "Not yet").
/// </summary>
/// <remarks>
/// Implementation note: the key is the Kafka key (the producer's aggregate id), scoped by topic: Kafka orders messages
/// only within one partition of one topic, so that is the order parking must keep. A dead letter stays in the park
/// (state <c>dead</c>) and holds its key until the coordinator replays or discards it.
/// </remarks>
public sealed partial class ParkingLot(NpgsqlDataSource dataSource, MessagingTables tables)
{
    private const string Columns = "message_id, sequence, topic, message_key, message_type, state, reason, attempts, parked_at, next_attempt_at, kafka_partition, kafka_offset, headers, payload";

    /// <summary>The ordering key of a message: its Kafka key, else the envelope's aggregate id; null holds nothing.</summary>
    public static string? KeyOf(IncomingMessage message, Envelope.EventEnvelope? envelope) =>
        !string.IsNullOrEmpty(message.Key) ? message.Key : string.IsNullOrEmpty(envelope?.AggregateId) ? null : envelope.AggregateId;

    /// <summary>
    /// Parks <paramref name="message"/> behind its key when the key is held (one statement, so a release committing in
    /// between cannot let it overtake), and tells whether it was already applied.
    /// </summary>
    public async Task<(bool Held, bool Processed)> ParkIfHeldAsync(
        IncomingMessage message, Guid messageId, string? key, string? type, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            with held as (select exists(select 1 from {tables.Parked} where topic = @topic and message_key = @key) as h),
            parked as (
                insert into {tables.Parked} (message_id, topic, message_key, kafka_partition, kafka_offset, headers, payload, message_type, state, reason)
                select @id, @topic, @key, @partition, @offset, @headers, @payload, @type, 'waiting', 'an earlier message of its key is parked'
                from held where h
                on conflict (message_id) do nothing)
            select h, exists(select 1 from {tables.Inbox} where message_id = @id) from held
            """);
        AddMessage(command, message, messageId, key ?? string.Empty, type);
        if (key is null)
        {
            command.CommandText = $"select false, exists(select 1 from {tables.Inbox} where message_id = @id)";
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetBoolean(0), reader.GetBoolean(1));
    }

    /// <summary>Parks a message behind its held key inside a consumer batch's transaction.</summary>
    public async Task ParkBehindAsync(
        NpgsqlTransaction transaction, IncomingMessage message, Guid messageId, string key, string? type, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            insert into {tables.Parked} (message_id, topic, message_key, kafka_partition, kafka_offset, headers, payload, message_type, state, reason)
            values (@id, @topic, @key, @partition, @offset, @headers, @payload, @type, 'waiting', 'an earlier message of its key is parked')
            on conflict (message_id) do nothing
            """,
            transaction.Connection,
            transaction);
        AddMessage(command, message, messageId, key, type);
        await command.ExecuteNonQueryAsync(cancellationToken);
        MessagingMetrics.Parked.WithLabels(message.Topic, type ?? "unknown", "behind").Inc();
    }

    /// <summary>Parks a message that is not ready yet at the head of its key, to be tried again at <paramref name="nextAttemptAt"/>.</summary>
    public async Task ParkAsync(
        IncomingMessage message, Guid messageId, string key, string? type, string reason, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            insert into {tables.Parked} (message_id, topic, message_key, kafka_partition, kafka_offset, headers, payload, message_type, state, reason, attempts, next_attempt_at)
            values (@id, @topic, @key, @partition, @offset, @headers, @payload, @type, 'waiting', @reason, 1, @next)
            on conflict (message_id) do update set reason = excluded.reason, attempts = {tables.Parked}.attempts + 1, next_attempt_at = excluded.next_attempt_at
            """);
        AddMessage(command, message, messageId, key, type);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("next", nextAttemptAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A parked message was still not ready: counts the attempt and sets its next try.</summary>
    public async Task RescheduleAsync(Guid messageId, string reason, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"update {tables.Parked} set attempts = attempts + 1, reason = @reason, next_attempt_at = @next where message_id = @id");
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("next", nextAttemptAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Queues, in the applying transaction, the removal of a parked message: it leaves the park when its effect commits.</summary>
    public void QueueRelease(IDocumentSession session, Guid messageId) =>
        session.QueueSqlCommand($"delete from {tables.Parked} where message_id = ?", messageId);

    /// <summary>Queues, with the dead-letter record, the dead letter's place in the park: it holds its key from now on.</summary>
    public void QueueDead(IDocumentSession session, IncomingMessage message, Guid messageId, string key, string? type, string reason, int attempts)
    {
        session.QueueSqlCommand(
            $"""
            insert into {tables.Parked} (message_id, topic, message_key, kafka_partition, kafka_offset, headers, payload, message_type, state, reason, attempts)
            values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, 'dead', ?, ?)
            on conflict (message_id) do update set state = 'dead', reason = excluded.reason, attempts = excluded.attempts
            """,
            messageId, message.Topic, key, message.Partition, message.Offset, HeadersJson(message.Headers), message.Payload,
            (object?)type ?? DBNull.Value, reason, attempts);
    }

    /// <summary>
    /// Queues, in one transaction with the operator's decision, that a dead letter is given up: it leaves the park and
    /// its id enters the inbox, so a redelivery of it changes nothing.
    /// </summary>
    public void QueueDiscard(IDocumentSession session, Guid messageId, string type, IncomingMessage message)
    {
        session.QueueSqlCommand($"delete from {tables.Parked} where message_id = ?", messageId);
        session.QueueSqlCommand(
            $"insert into {tables.Inbox} (message_id, message_type, topic, kafka_partition, kafka_offset) values (?, ?, ?, ?, ?) on conflict (message_id) do nothing",
            messageId, type, message.Topic, message.Partition, message.Offset);
    }

    private static void AddMessage(NpgsqlCommand command, IncomingMessage message, Guid messageId, string key, string? type)
    {
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("topic", message.Topic);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("partition", message.Partition);
        command.Parameters.AddWithValue("offset", message.Offset);
        command.Parameters.AddWithValue("headers", NpgsqlDbType.Jsonb, HeadersJson(message.Headers));
        command.Parameters.AddWithValue("payload", message.Payload);
        command.Parameters.AddWithValue("type", (object?)type ?? DBNull.Value);
    }

    private static string HeadersJson(Headers headers) =>
        JsonSerializer.Serialize(headers.GroupBy(h => h.Key).ToDictionary(g => g.Key, g => Encoding.UTF8.GetString(g.Last().GetValueBytes())));

    private static Headers ReadHeaders(string json)
    {
        var headers = new Headers();
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
        {
            headers.Add(name, Encoding.UTF8.GetBytes(value));
        }

        return headers;
    }
}
