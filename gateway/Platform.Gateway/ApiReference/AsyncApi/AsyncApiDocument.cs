using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Platform.Contracts;

namespace Platform.Gateway.ApiReference.AsyncApi;

/// <summary>
/// The AsyncAPI 3.0 document of what the platform publishes on Kafka: a channel per topic, a message per
/// integration event with its envelope headers (architecture.md §3), its key (the aggregate id) and its payload's JSON
/// schema generated from the contract record, and one <c>send</c> operation per producing service.
/// </summary>
/// <remarks>
/// Implementation note: payload schemas come from <see cref="JsonSchemaExporter"/> with the options the outbox
/// serializes with (<c>JsonSerializerDefaults.Web</c>: camelCase; numbers may also be read from strings, hence the
/// <c>["string","number"]</c> amounts). Nullable annotations and constructor parameters are respected, so a consumer
/// sees which fields are always present. The contract tests check these options against Platform.Messaging's.
/// </remarks>
public static class AsyncApiDocument
{
    public const string Version = "1.0.0";

    public static readonly JsonSerializerOptions WireOptions = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>A message body is never the JSON <c>null</c>: the root of each payload is a non-nullable object.</summary>
    private static readonly JsonSchemaExporterOptions Exporter = new() { TreatNullObliviousAsNonNullable = true };

    private static readonly Lazy<JsonObject> Document = new(() => Build(EventCatalog.All));

    /// <summary>A fresh copy of the document for the platform's contracts.</summary>
    public static JsonObject Current => (JsonObject)Document.Value.DeepClone();

    public static JsonObject Build(IReadOnlyList<PublishedEvent> events)
    {
        var channels = new JsonObject();
        var operations = new JsonObject();
        var messages = new JsonObject();
        var schemas = new JsonObject { ["EnvelopeHeaders"] = EnvelopeHeaders.Schema() };
        foreach (var topic in events.GroupBy(e => e.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var channelId = Id(topic.First().Producer) + "Events";
            var channelMessages = new JsonObject();
            foreach (var published in topic)
            {
                var messageId = published.Name;
                channelMessages[messageId] = new JsonObject { ["$ref"] = $"#/components/messages/{messageId}" };
                messages[messageId] = Message(published);
                schemas[messageId] = JsonSchemaExporter.GetJsonSchemaAsNode(WireOptions, published.Contract, Exporter);
            }

            channels[channelId] = new JsonObject
            {
                ["address"] = topic.Key,
                ["title"] = topic.Key,
                ["description"] = $"Integration events of {topic.First().Producer}, keyed by aggregate id (one aggregate's events stay in order in one partition). "
                    + "At least once: consumers deduplicate by the `message-id` header and tolerate unknown fields.",
                ["messages"] = channelMessages,
            };
            operations["publish" + char.ToUpperInvariant(channelId[0]) + channelId[1..]] = new JsonObject
            {
                ["action"] = "send",
                ["title"] = $"{topic.First().Producer} publishes",
                ["summary"] = $"{topic.First().Producer} publishes its integration events after commit, through its outbox.",
                ["channel"] = new JsonObject { ["$ref"] = $"#/channels/{channelId}" },
                ["messages"] = new JsonArray([.. topic.Select(e => (JsonNode)new JsonObject { ["$ref"] = $"#/channels/{channelId}/messages/{e.Name}" })]),
            };
        }

        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = Info(),
            ["defaultContentType"] = "application/json",
            ["servers"] = new JsonObject
            {
                ["kafka"] = new JsonObject
                {
                    ["host"] = "kafka-bootstrap:9092",
                    ["protocol"] = "kafka",
                    ["description"] = "The platform's Kafka cluster (Strimzi in a cluster; an embedded mock broker locally). Ask the coordinating body for access.",
                },
            },
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject { ["messages"] = messages, ["schemas"] = schemas },
        };
    }

    private static JsonObject Message(PublishedEvent published) => new()
    {
        ["name"] = published.Name,
        ["title"] = published.Contract.Name,
        ["summary"] = $"{Sentence(published.Name)} (schema version {published.Version}).",
        ["contentType"] = "application/json",
        ["headers"] = EnvelopeHeaders.For(published),
        ["payload"] = new JsonObject { ["$ref"] = $"#/components/schemas/{published.Name}" },
        ["bindings"] = new JsonObject
        {
            ["kafka"] = new JsonObject
            {
                ["key"] = new JsonObject { ["type"] = "string", ["description"] = "The aggregate's id, the same as the `aggregate-id` header." },
                ["bindingVersion"] = "0.5.0",
            },
        },
        ["x-message-type"] = published.Name,
        ["x-schema-version"] = published.Version,
    };

    private static JsonObject Info() => new()
    {
        ["title"] = "Platform integration events (平台集成事件)",
        ["version"] = Version,
        ["description"] =
            "What the services publish on Kafka, generated from the contract records in Platform.Contracts. Every message carries the "
            + "envelope as headers (message id, type name and schema version, aggregate id, occurred-at, correlation and causation ids, "
            + "W3C trace context); the body is the JSON of the versioned contract. A breaking change gets a new name or version, never "
            + "a changed shape under the same one (docs/api-versioning.md).\n\n"
            + "各服务在 Kafka 上发布的集成事件，由 Platform.Contracts 中的契约记录自动生成。每条消息以消息头携带信封（消息编号、类型名与版本、聚合编号、"
            + "发生时间、关联编号与因果编号、W3C 链路上下文），消息体为带版本契约的 JSON。",
        ["contact"] = new JsonObject { ["name"] = "Coordinating body, platform operations (协调机构平台运维)" },
        ["license"] = new JsonObject { ["name"] = "Alliance API terms of use (联盟接口使用条款)" },
    };

    private static string Id(string producer) =>
        string.Concat(producer.Split('-').Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    private static string Sentence(string name)
    {
        var words = name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..].Replace('-', ' ');
        return $"{char.ToUpperInvariant(words[0])}{words[1..]}, published by {name[..name.IndexOf('.', StringComparison.Ordinal)]}";
    }
}
