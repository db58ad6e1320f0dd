using System.Text.Json.Nodes;

namespace Platform.Gateway.ApiReference.AsyncApi;

/// <summary>
/// The envelope every message carries as Kafka headers (architecture.md §3; Platform.Messaging's <c>HeaderNames</c>,
/// whose names the contract tests compare with these). Header values are UTF-8 strings.
/// </summary>
public static class EnvelopeHeaders
{
    public static readonly IReadOnlyList<(string Name, string Description, string? Format, bool Required)> All =
    [
        ("message-id", "Unique id of this message (UUID); consumers deduplicate on it.", "uuid", true),
        ("message-type", "The event's stable wire name, e.g. `cost-sharing.incident-opened` (never a CLR type name).", null, true),
        ("schema-version", "The contract's version (an integer as text); bumped on a breaking change.", null, true),
        ("aggregate-id", "Id of the aggregate the event is about; also the Kafka key.", null, true),
        ("occurred-at", "When the fact happened (ISO 8601, UTC offset).", "date-time", true),
        ("correlation-id", "Id of the request or flow that led to the event, carried across services.", null, true),
        ("causation-id", "Id of the message that caused this one, when a message did.", null, false),
        ("traceparent", "W3C Trace Context `traceparent` of the producing span.", null, false),
        ("tracestate", "W3C Trace Context `tracestate`.", null, false),
        ("content-type", "Always `application/json`.", null, true),
    ];

    /// <summary>The headers' schema shared by every message.</summary>
    public static JsonObject Schema()
    {
        var properties = new JsonObject();
        foreach (var (name, description, format, _) in All)
        {
            var property = new JsonObject { ["type"] = "string", ["description"] = description };
            if (format is not null)
            {
                property["format"] = format;
            }

            properties[name] = property;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray([.. All.Where(h => h.Required).Select(h => (JsonNode)h.Name)]),
            ["properties"] = properties,
        };
    }

    /// <summary>The headers of one event: the shared envelope with its type name and schema version fixed.</summary>
    public static JsonObject For(PublishedEvent published) => new()
    {
        ["allOf"] = new JsonArray(
            new JsonObject { ["$ref"] = "#/components/schemas/EnvelopeHeaders" },
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["message-type"] = new JsonObject { ["const"] = published.Name },
                    ["schema-version"] = new JsonObject { ["const"] = published.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                },
            }),
    };
}
