using System.Reflection;
using Platform.Contracts;

namespace Platform.Gateway.ApiReference.AsyncApi;

/// <summary>One integration event as the platform publishes it: its wire name and version, its contract type, its topic.</summary>
public sealed record PublishedEvent(string Name, int Version, Type Contract, string Topic)
{
    /// <summary>The producing service: the wire name's prefix, which is also its topic's and its gateway cluster's name.</summary>
    public string Producer => Name[..Name.IndexOf('.', StringComparison.Ordinal)];
}

/// <summary>
/// Every <see cref="IntegrationEventAttribute"/> type in Platform.Contracts, read by reflection, so the AsyncAPI document
/// lists exactly what the code can publish and cannot drift from it. An event goes to the topic of its producer
/// (architecture.md §3: one topic per producing service), found by the wire name's prefix.
/// </summary>
public static class EventCatalog
{
    public static IReadOnlyList<PublishedEvent> All { get; } = Read(typeof(IntegrationEventAttribute).Assembly);

    public static IReadOnlyList<PublishedEvent> Read(Assembly contracts) =>
    [
        .. contracts.GetTypes()
            .Select(t => (Type: t, Contract: t.GetCustomAttribute<IntegrationEventAttribute>()))
            .Where(t => t.Contract is not null)
            .Select(t => new PublishedEvent(t.Contract!.Name, t.Contract.Version, t.Type, TopicOf(t.Contract.Name)))
            .OrderBy(e => e.Name, StringComparer.Ordinal),
    ];

    private static string TopicOf(string eventName)
    {
        var producer = eventName[..Math.Max(0, eventName.IndexOf('.', StringComparison.Ordinal))];
        return Topics.EventTopics.SingleOrDefault(t => t.StartsWith(producer + ".", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Event '{eventName}' names no producer with a topic in Topics.EventTopics.");
    }
}
