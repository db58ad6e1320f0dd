namespace Platform.Contracts;

/// <summary>
/// Names an integration-event contract on the wire. The name is a stable string and the version is
/// bumped on any breaking change, so renaming or moving a CLR type never changes the contract
/// (architecture.md §3: "types are named by a stable string, never by the CLR type name").
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventAttribute(string name, int version) : Attribute
{
    public string Name { get; } = name;

    public int Version { get; } = version;
}
