using System.Reflection;
using System.Text.Json;
using Platform.Contracts;

namespace Platform.Messaging.Envelope;

/// <summary>
/// Maps contract types to their stable wire names and back. Built from the <see cref="IntegrationEventAttribute"/>
/// on every contract in the contracts assembly, so a reader knows every name the platform publishes.
/// </summary>
public sealed class EventTypeRegistry
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<Type, IntegrationEventAttribute> _byType = [];
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);

    public EventTypeRegistry(params Assembly[] assemblies)
    {
        foreach (var type in assemblies.Append(typeof(IntegrationEventAttribute).Assembly).Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.GetCustomAttribute<IntegrationEventAttribute>() is { } contract)
            {
                _byType[type] = contract;
                _byName[Key(contract.Name, contract.Version)] = type;
            }
        }
    }

    public IntegrationEventAttribute ContractOf(Type type) =>
        _byType.TryGetValue(type, out var contract)
            ? contract
            : throw new InvalidOperationException($"{type.Name} is not an integration event contract: mark it with [IntegrationEvent].");

    public Type? Resolve(string name, int version) => _byName.GetValueOrDefault(Key(name, version));

    private static string Key(string name, int version) => $"{name}/v{version}";
}
