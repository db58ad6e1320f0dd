using Platform.Persistence;

namespace Platform.Idempotency;

/// <summary>
/// The table of recorded responses, in the service's own schema beside its documents, so that the response to an
/// idempotent request commits in one transaction with the state change it reports. The store creates it through
/// <see cref="IStoreExtension"/>.
/// </summary>
public sealed class IdempotencyTables(StoreSchema schema) : IStoreExtension
{
    /// <summary>The table's unquoted name, as PostgreSQL reports it in a unique violation.</summary>
    public const string TableName = "platform_idempotency";

    public string Idempotency { get; } = schema.Table(TableName);

    public string CreateSql => $"""
        create table if not exists {Idempotency} (
            caller        text not null,
            idempotency_key text not null,
            request_hash  text not null,
            status_code   int not null,
            location      text null,
            response_body text not null,
            created_at    timestamptz not null default now(),
            primary key (caller, idempotency_key)
        );
        """;
}
