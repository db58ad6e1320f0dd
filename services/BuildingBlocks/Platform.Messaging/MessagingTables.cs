using Platform.Persistence;

namespace Platform.Messaging;

/// <summary>
/// The outbox, inbox and parking tables, in the service's own schema beside its Marten documents, so
/// that a state change, the events it causes and the record of a consumed message commit in one transaction.
/// The store creates them through <see cref="IStoreExtension"/>.
/// </summary>
/// <remarks>
/// Implementation note: <c>position</c> is a bigserial assigned at insert, inside the writing
/// transaction. The relay publishes strictly in position order, so two events of one aggregate (whose
/// writes are serialized by optimistic concurrency) leave in the order they were written.
/// </remarks>
public sealed class MessagingTables(StoreSchema schema) : IStoreExtension
{
    public string Outbox { get; } = schema.Table("platform_outbox");

    public string Inbox { get; } = schema.Table("platform_inbox");

    /// <summary>Messages that cannot be applied yet, and dead letters that hold their key (docs/messaging.md, "Not yet").</summary>
    public string Parked { get; } = schema.Table("platform_parked");

    /// <summary>The store's initializer creates the schema itself before it runs these.</summary>
    public string CreateSql => $"""
        create table if not exists {Outbox} (
            position      bigserial primary key,
            message_id    uuid not null unique,
            topic         text not null,
            message_key   text not null,
            message_type  text not null,
            schema_version int not null,
            payload       text not null,
            correlation_id text not null,
            causation_id  text null,
            trace_parent  text null,
            trace_state   text null,
            occurred_at   timestamptz not null,
            published_at  timestamptz null,
            attempts      int not null default 0,
            last_error    text null
        );
        create index if not exists platform_outbox_unpublished on {Outbox} (position) where published_at is null;
        alter table {Outbox} add column if not exists own_failures int not null default 0;
        alter table {Outbox} add column if not exists parked_at timestamptz null;
        create index if not exists platform_outbox_parked on {Outbox} (message_key, position) where parked_at is not null and published_at is null;
        create table if not exists {Inbox} (
            message_id    uuid primary key,
            message_type  text not null,
            topic         text not null,
            kafka_partition int not null,
            kafka_offset  bigint not null,
            processed_at  timestamptz not null default now()
        );
        create table if not exists {Parked} (
            message_id    uuid primary key,
            sequence      bigint generated always as identity unique,
            topic         text not null,
            message_key   text not null,
            kafka_partition int not null,
            kafka_offset  bigint not null,
            headers       jsonb not null,
            payload       bytea not null,
            message_type  text null,
            state         text not null,
            reason        text not null,
            attempts      int not null default 0,
            parked_at     timestamptz not null default now(),
            next_attempt_at timestamptz not null default now()
        );
        create index if not exists platform_parked_by_key on {Parked} (topic, message_key, sequence);
        create index if not exists platform_parked_due on {Parked} (next_attempt_at) where state = 'waiting';
        """;
}
