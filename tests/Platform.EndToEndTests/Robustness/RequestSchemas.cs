using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.EndToEndTests.Robustness;

/// <summary>The JSON request-body schema of every operation, read from the OpenAPI documents the gateway serves.</summary>
public sealed class RequestSchemas(IReadOnlyDictionary<string, (JsonElement Schema, JsonElement Components)> byOperation)
{
    public static async Task<RequestSchemas> LoadAsync(HttpClient gateway)
    {
        var byOperation = new Dictionary<string, (JsonElement, JsonElement)>(StringComparer.Ordinal);
        foreach (var service in (await gateway.GetFromJsonAsync<JsonElement>("/openapi")).EnumerateArray())
        {
            var document = await gateway.GetFromJsonAsync<JsonElement>($"/openapi/{service.GetProperty("name").GetString()}.json");
            var components = document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject())
                {
                    if (operation.Value.ValueKind == JsonValueKind.Object
                        && operation.Value.TryGetProperty("requestBody", out var body)
                        && body.TryGetProperty("content", out var content)
                        && content.TryGetProperty("application/json", out var json)
                        && json.TryGetProperty("schema", out var schema))
                    {
                        byOperation[Key(operation.Name.ToUpperInvariant(), path.Name)] = (schema, components);
                    }
                }
            }
        }

        return new RequestSchemas(byOperation);
    }

    /// <summary>A body of the schema's shape with a plausible value in every field, or null when it has no JSON body.</summary>
    public JsonNode? Sample(string method, string path) =>
        byOperation.TryGetValue(Key(method, path), out var found) ? new SchemaSampler(found.Components).Sample(found.Schema, depth: 0) : null;

    private static string Key(string method, string path) => $"{method} {path}";
}

/// <summary>Fills a schema with plausible values: every property present, arrays of one, formats honoured.</summary>
internal sealed class SchemaSampler(JsonElement components)
{
    public JsonNode? Sample(JsonElement schema, int depth)
    {
        schema = Resolve(schema);
        if (depth > 6)
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[0].GetRawText());
        }

        foreach (var alternative in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(alternative, out var options))
            {
                return options.EnumerateArray().Select(o => Sample(o, depth + 1)).FirstOrDefault(n => n is not null);
            }
        }

        return TypeOf(schema) switch
        {
            "object" => SampleObject(schema, depth),
            "array" => new JsonArray(schema.TryGetProperty("items", out var items) ? Sample(items, depth + 1) : JsonValue.Create(1)),
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(1.5m),
            "boolean" => JsonValue.Create(true),
            _ => JsonValue.Create(StringOf(schema)),
        };
    }

    public static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object"
                : schema.TryGetProperty("format", out var format) && format.GetString() is "decimal" or "double" or "float" ? "number"
                : null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }

    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            if (components.ValueKind != JsonValueKind.Object || !components.TryGetProperty(name, out schema))
            {
                return default;
            }
        }

        return schema;
    }

    private JsonObject SampleObject(JsonElement schema, int depth)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                result[property.Name] = Sample(property.Value, depth + 1);
            }
        }

        return result;
    }

    private static string StringOf(JsonElement schema) =>
        (schema.TryGetProperty("format", out var format) ? format.GetString() : null) switch
        {
            "uuid" => Guid.NewGuid().ToString(),
            "date" => "2026-06-01",
            "date-time" => "2026-06-01T08:00:00+08:00",
            "uri" => "https://example.org/hook",
            _ => "sweep",
        };
}
