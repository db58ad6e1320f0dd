namespace Platform.Persistence;

/// <summary>
/// The PostgreSQL schema that holds one service's documents and the tables the other blocks keep beside them
/// (docs/architecture.md §4: a schema per service, no service reads another's).
/// </summary>
public sealed record StoreSchema(string Name)
{
    /// <summary>A table of this schema, quoted for SQL: <c>"cost_sharing".platform_outbox</c>.</summary>
    public string Table(string name) => $"\"{Name}\".{name}";
}
