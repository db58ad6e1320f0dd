using Npgsql;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox.Parking;

namespace Platform.Messaging.Inbox;

/// <summary>A batch's inbox rows, inserted in one statement before its handlers run.</summary>
public sealed partial class InboxProcessor
{
    /// <summary>
    /// Finds which of the batch's keys are held by a parked message and inserts the inbox rows of the other messages it
    /// handles (<c>on conflict do nothing</c>), then opens the first message's savepoint: one round trip for the batch.
    /// </summary>
    /// <returns>The held (topic, key) pairs, and the ids whose inbox row this transaction inserted (not applied before).</returns>
    /// <remarks>
    /// Implementation note: the look-up and the insert are one statement, so one snapshot: a release committing between
    /// them could otherwise free a key after it was seen held, and a message parked behind it would then already have
    /// its inbox row, so its release would take it for a duplicate and it would never apply.
    /// </remarks>
    private async Task<(HashSet<(string Topic, string Key)> Held, HashSet<Guid> Claimed)> ClaimAsync(
        NpgsqlTransaction transaction, List<(IncomingMessage Message, EventEnvelope Envelope, object? Event)> batch, CancellationToken cancellationToken)
    {
        var handled = batch.Where(b => b.Event is not null).ToList();
        await using var command = new NpgsqlCommand(
            $"""
            with c as (
                select * from unnest(@ids, @types, @topics, @partitions, @offsets, @keys)
                    as c(message_id, message_type, topic, kafka_partition, kafka_offset, message_key)),
            held as (
                select distinct p.topic, p.message_key from {_tables.Parked} p join c on p.topic = c.topic and p.message_key = c.message_key),
            claimed as (
                insert into {_tables.Inbox} (message_id, message_type, topic, kafka_partition, kafka_offset)
                select distinct on (message_id) message_id, message_type, topic, kafka_partition, kafka_offset from c
                where not exists (select 1 from held h where h.topic = c.topic and h.message_key = c.message_key)
                on conflict (message_id) do nothing
                returning message_id)
            select topic, message_key, null::uuid from held
            union all
            select null, null, message_id from claimed;
            savepoint {Savepoint}
            """,
            transaction.Connection,
            transaction);
        command.Parameters.AddWithValue("ids", handled.Select(b => b.Envelope.MessageId).ToArray());
        command.Parameters.AddWithValue("types", handled.Select(b => b.Envelope.Type).ToArray());
        command.Parameters.AddWithValue("topics", handled.Select(b => b.Message.Topic).ToArray());
        command.Parameters.AddWithValue("partitions", handled.Select(b => b.Message.Partition).ToArray());
        command.Parameters.AddWithValue("offsets", handled.Select(b => b.Message.Offset).ToArray());
        command.Parameters.AddWithValue("keys", handled.Select(b => ParkingLot.KeyOf(b.Message, b.Envelope)).ToArray());
        var held = new HashSet<(string, string)>();
        var claimed = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(2))
            {
                held.Add((reader.GetString(0), reader.GetString(1)));
            }
            else
            {
                claimed.Add(reader.GetGuid(2));
            }
        }

        return (held, claimed);
    }
}
