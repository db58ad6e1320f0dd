using System.Text.Json.Nodes;

namespace Platform.Contract.Tests.Versioning;

/// <summary>
/// Compares a service's OpenAPI document with the previously published one and lists what would break a client built
/// on the previous one (docs/api-versioning.md §2): a removed operation, a new required parameter or request field,
/// a narrowed request type or enum, and in responses a removed field, a field no longer always present or a changed
/// type. Additions that a client can ignore are not listed (optional parameters and fields, new operations, new
/// response fields, new response enum values: clients tolerate unknown values, architecture.md §3 says the same for events).
/// </summary>
/// <remarks>
/// Implementation note: operations are matched by method and path (what a client calls), not by operationId, so a
/// renamed handler that keeps its route only changes the id (reported too: generated clients name methods from it).
/// A removal is announced when the previous document marked the operation or the field <c>deprecated</c>.
/// Schemas are followed through <c>$ref</c> (each side in its own document) to a bounded depth, so recursive types end.
/// </remarks>
public static class BreakingChanges
{
    private const int MaxDepth = 8;
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static IReadOnlyList<BreakingChange> Between(JsonObject previous, JsonObject current)
    {
        var changes = new List<BreakingChange>();
        foreach (var (path, method, before) in Operations(previous))
        {
            var name = (string?)before["operationId"] ?? $"{method.ToUpperInvariant()} {path}";
            var deprecated = (bool?)before["deprecated"] == true;
            var after = current["paths"]?[path]?[method] as JsonObject;
            if (after is null)
            {
                changes.Add(new(name, $"{method.ToUpperInvariant()} {path}", "operation removed", deprecated));
                continue;
            }

            if ((string?)after["operationId"] is { } id && (string?)before["operationId"] is { } oldId && id != oldId)
            {
                changes.Add(new(name, "operationId", $"renamed to '{id}'", deprecated));
            }

            var context = new Sides(previous, current, name, deprecated, changes);
            Parameters(context, before, after);
            var bodyBefore = before["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject;
            var bodyAfter = after["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject;
            if (bodyAfter is not null && (bool?)after["requestBody"]?["required"] == true && bodyBefore is null)
            {
                changes.Add(new(name, "request body", "now required", deprecated));
            }

            if (bodyBefore is not null && bodyAfter is not null)
            {
                Request(context, "request body", bodyBefore, bodyAfter, 0);
            }

            foreach (var (status, response) in before["responses"] as JsonObject ?? [])
            {
                if (!status.StartsWith('2') || response?["content"] is not JsonObject content)
                {
                    continue;
                }

                foreach (var (media, type) in content)
                {
                    if (type?["schema"] is JsonObject schemaBefore
                        && after["responses"]?[status]?["content"]?[media]?["schema"] is JsonObject schemaAfter)
                    {
                        Response(context, $"response {status}", schemaBefore, schemaAfter, 0);
                    }
                    else if (type?["schema"] is JsonObject)
                    {
                        changes.Add(new(name, $"response {status}", $"no longer answers {media}", deprecated));
                    }
                }
            }
        }

        return changes;
    }

    private static void Parameters(Sides sides, JsonObject before, JsonObject after)
    {
        var old = (before["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(Key, StringComparer.Ordinal);
        foreach (var parameter in (after["parameters"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var required = (bool?)parameter["required"] == true;
            if (!old.TryGetValue(Key(parameter), out var was))
            {
                if (required)
                {
                    sides.Add($"parameter {Key(parameter)}", "new required parameter");
                }

                continue;
            }

            if (required && (bool?)was["required"] != true)
            {
                sides.Add($"parameter {Key(parameter)}", "became required");
            }

            if (was["schema"] is JsonObject schemaBefore && parameter["schema"] is JsonObject schemaAfter)
            {
                Request(sides, $"parameter {Key(parameter)}", schemaBefore, schemaAfter, 0);
            }
        }

        static string Key(JsonObject p) => $"{p["in"]}:{p["name"]}";
    }

    /// <summary>What a client sends: it must still be accepted.</summary>
    private static void Request(Sides sides, string place, JsonObject before, JsonObject after, int depth)
    {
        before = sides.ResolvePrevious(before);
        after = sides.ResolveCurrent(after);
        if (depth > MaxDepth)
        {
            return;
        }

        var typesBefore = Types(before);
        var typesAfter = Types(after);
        if (typesAfter.Count > 0 && typesBefore.Except(typesAfter).Any(t => !(t == "integer" && typesAfter.Contains("number"))))
        {
            sides.Add(place, $"type narrowed from {string.Join('|', typesBefore)} to {string.Join('|', typesAfter)}");
        }

        if (after["enum"] is JsonArray enumAfter)
        {
            var removed = Values(before["enum"] as JsonArray).Except(Values(enumAfter)).ToList();
            if (before["enum"] is null || removed.Count > 0)
            {
                sides.Add(place, before["enum"] is null ? "restricted to an enum" : $"enum no longer accepts {string.Join(", ", removed)}");
            }
        }

        var requiredBefore = Values(before["required"] as JsonArray).ToHashSet(StringComparer.Ordinal);
        foreach (var field in Values(after["required"] as JsonArray).Where(f => !requiredBefore.Contains(f)))
        {
            sides.Add($"{place}.{field}", "new required field");
        }

        foreach (var (field, schemaAfter) in after["properties"] as JsonObject ?? [])
        {
            if (before["properties"]?[field] is JsonObject schemaBefore && schemaAfter is JsonObject next)
            {
                Request(sides, $"{place}.{field}", schemaBefore, next, depth + 1);
            }
        }

        if (before["items"] is JsonObject itemsBefore && after["items"] is JsonObject itemsAfter)
        {
            Request(sides, $"{place}[]", itemsBefore, itemsAfter, depth + 1);
        }
    }

    /// <summary>What a client reads: every field it relied on must still come, with a type it can read.</summary>
    private static void Response(Sides sides, string place, JsonObject before, JsonObject after, int depth)
    {
        before = sides.ResolvePrevious(before);
        after = sides.ResolveCurrent(after);
        if (depth > MaxDepth)
        {
            return;
        }

        var typesBefore = Types(before);
        var typesAfter = Types(after);
        if (typesBefore.Count > 0 && typesAfter.Except(typesBefore).Any())
        {
            sides.Add(place, $"type changed from {string.Join('|', typesBefore)} to {string.Join('|', typesAfter)}");
        }

        var requiredAfter = Values(after["required"] as JsonArray).ToHashSet(StringComparer.Ordinal);
        foreach (var field in Values(before["required"] as JsonArray).Where(f => !requiredAfter.Contains(f) && after["properties"]?[f] is not null))
        {
            sides.Add($"{place}.{field}", "no longer always present", Deprecated(before, field));
        }

        foreach (var (field, schemaBefore) in before["properties"] as JsonObject ?? [])
        {
            if (after["properties"]?[field] is not JsonObject schemaAfter)
            {
                if (after["properties"] is not null || after["allOf"] is null)
                {
                    sides.Add($"{place}.{field}", "field removed", Deprecated(before, field));
                }

                continue;
            }

            if (schemaBefore is JsonObject previous)
            {
                Response(sides, $"{place}.{field}", previous, schemaAfter, depth + 1);
            }
        }

        if (before["items"] is JsonObject itemsBefore && after["items"] is JsonObject itemsAfter)
        {
            Response(sides, $"{place}[]", itemsBefore, itemsAfter, depth + 1);
        }
    }

    private static bool Deprecated(JsonObject schema, string field) => (bool?)schema["properties"]?[field]?["deprecated"] == true;

    private static List<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonValue single => [(string)single!],
        JsonArray many => [.. Values(many)],
        _ => [],
    };

    private static IEnumerable<string> Values(JsonArray? array) => (array ?? []).Select(v => v?.ToJsonString() is { } s && s.StartsWith('"') ? (string)v! : v?.ToJsonString() ?? "null");

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"] as JsonObject ?? []
        from method in Methods
        where path.Value?[method] is JsonObject
        select (path.Key, method, (JsonObject)path.Value![method]!);

    private sealed record Sides(JsonObject Previous, JsonObject Current, string Operation, bool OperationDeprecated, List<BreakingChange> Changes)
    {
        public void Add(string place, string what, bool fieldDeprecated = false) =>
            Changes.Add(new(Operation, place, what, OperationDeprecated || fieldDeprecated));

        public JsonObject ResolvePrevious(JsonObject schema) => Resolve(Previous, schema);

        public JsonObject ResolveCurrent(JsonObject schema) => Resolve(Current, schema);

        private static JsonObject Resolve(JsonObject document, JsonObject schema)
        {
            for (var hops = 0; hops < 8 && (string?)schema["$ref"] is { } reference && reference.StartsWith("#/", StringComparison.Ordinal); hops++)
            {
                JsonNode? node = document;
                foreach (var part in reference[2..].Split('/'))
                {
                    node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
                }

                schema = node as JsonObject ?? [];
            }

            return schema;
        }
    }
}
