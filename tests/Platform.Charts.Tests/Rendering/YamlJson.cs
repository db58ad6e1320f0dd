using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Platform.Charts.Tests.Rendering;

/// <summary>
/// YAML to JSON as the Kubernetes API server receives it (sigs.k8s.io/yaml: YAML 1.1 plain
/// scalars become numbers, booleans and null; quoted scalars stay strings), so that a number where
/// the API wants a string, or the reverse, is caught.
/// </summary>
public static partial class YamlJson
{
    public static IReadOnlyList<JsonObject> LoadDocuments(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents
            .Where(document => document.RootNode is not YamlScalarNode { Value: null or "" })
            .Select(document => ToJson(document.RootNode) as JsonObject
                ?? throw new InvalidDataException("A manifest document is not a mapping: " + document.RootNode))];
    }

    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToObject(mapping),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException("Unsupported YAML node " + node.NodeType),
    };

    private static JsonObject ToObject(YamlMappingNode mapping)
    {
        var json = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (json.ContainsKey(name))
            {
                throw new InvalidDataException($"Duplicate key {name} at {key.Start}");
            }

            json[name] = ToJson(value);
        }

        return json;
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" or "yes" or "Yes" or "on" or "On" => JsonValue.Create(true),
            "false" or "False" or "FALSE" or "no" or "No" or "off" or "Off" => JsonValue.Create(false),
            _ when Integer().IsMatch(text) => JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture)),
            // Kept as written: 2.592e+06 is refused where the API wants an integer, as by the API server.
            _ when JsonNumber().IsMatch(text) => JsonNode.Parse(text)!.AsValue(),
            _ when Float().IsMatch(text) => JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
