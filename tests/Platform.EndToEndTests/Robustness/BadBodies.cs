using System.Text.Json.Nodes;

namespace Platform.EndToEndTests.Robustness;

/// <summary>One bad request body: what is wrong with it, its text and media type.</summary>
public sealed record BadBody(string Label, string Text, string MediaType = "application/json");

/// <summary>
/// The bad bodies a tester throws at an operation: malformed JSON, the wrong media type, and for every field of the
/// operation's own body shape (nested ones too) the wrong type, out-of-range, exponent and over-precise amounts, and
/// NUL or bidirectional characters in text. Every one must be refused with a 4xx and change nothing.
/// </summary>
public static class BadBodies
{
    private const string Raw = "__raw__";

    /// <summary>Number tokens no amount or weight of the platform can be, written as raw JSON (a double cannot hold some).</summary>
    private static readonly string[] BadNumbers = ["1e27", "-1e27", "100.00000000000000000000000000001", "1e400", "-0.001"];

    public static IEnumerable<BadBody> Malformed()
    {
        yield return new BadBody("truncated JSON", """{"cityId":""");
        yield return new BadBody("a JSON array", "[]");
        yield return new BadBody("a JSON string", "\"text\"");
        yield return new BadBody("JSON null", "null");
        yield return new BadBody("an empty body", string.Empty);
        yield return new BadBody("the wrong media type", "{}", "text/plain");
    }

    public static IEnumerable<BadBody> For(JsonNode sample)
    {
        foreach (var (path, value, replace) in Leaves(sample, "$"))
        {
            IEnumerable<(string Label, JsonNode? Replacement)> mutations = value switch
            {
                JsonValue v when v.TryGetValue<string>(out var text) =>
                [
                    ("a number for text", JsonValue.Create(12345)),
                    ("NUL in text", JsonValue.Create(text + "\u0000x")),
                    ("a bidi override in text", JsonValue.Create("\u202E" + text)),
                    ("an object for text", new JsonObject { ["x"] = 1 }),
                ],
                JsonValue v when v.TryGetValue<bool>(out _) => [("text for a boolean", JsonValue.Create("yes"))],
                JsonValue => [("text for a number", JsonValue.Create("abc")), .. BadNumbers.Select(n => ($"the number {n}", (JsonNode?)JsonValue.Create(Raw + n)))],
                JsonArray => [("an object for a list", new JsonObject { ["x"] = 1 })],
                JsonObject => [("a number for an object", JsonValue.Create(42))],
                _ => [],
            };
            foreach (var (label, replacement) in mutations)
            {
                replace(replacement);
                yield return new BadBody($"{label} at {path}", Unraw(sample.ToJsonString()));
                replace(value);
            }
        }
    }

    private static string Unraw(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"" + Raw + "([^\"]*)\"", m => m.Groups[1].Value);

    /// <summary>Every field below the root, depth first, with a way to put another value in its place.</summary>
    private static IEnumerable<(string Path, JsonNode? Value, Action<JsonNode?> Replace)> Leaves(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    var child = obj[name];
                    yield return ($"{path}.{name}", child, v => obj[name] = v);
                    if (child is JsonObject or JsonArray)
                    {
                        foreach (var leaf in Leaves(child, $"{path}.{name}"))
                        {
                            yield return leaf;
                        }
                    }
                }

                break;
            case JsonArray array when array.Count > 0 && array[0] is { } first:
                yield return ($"{path}[0]", first, v => array[0] = v);
                if (first is JsonObject or JsonArray)
                {
                    foreach (var leaf in Leaves(first, $"{path}[0]"))
                    {
                        yield return leaf;
                    }
                }

                break;
        }
    }
}
