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

    /// <summary>The wire name of contract <typeparamref name="TEvent"/>, for code that records which event caused something.</summary>
    public static string NameOf<TEvent>() =>
        (Attribute.GetCustomAttribute(typeof(TEvent), typeof(IntegrationEventAttribute)) as IntegrationEventAttribute)?.Name
        ?? throw new InvalidOperationException($"{typeof(TEvent).Name} is not an integration-event contract.");
}
