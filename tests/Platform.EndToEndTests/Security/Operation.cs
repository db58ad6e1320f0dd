using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.EndToEndTests.Security;

/// <summary>One operation of a service's OpenAPI document, and who may call it.</summary>
public sealed partial record Operation(
    string Service, string Method, string PathTemplate, bool Anonymous, IReadOnlyList<string>? Roles,
    IReadOnlyDictionary<string, string> ParameterFormats, bool HasBody)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head"];

    public bool IsSafe => Method is "GET" or "HEAD";

    public bool HasParameters => ParameterFormats.Count > 0;

    public override string ToString() => $"{Method} {PathTemplate}";

    public static IEnumerable<Operation> AllIn(string service, JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var anonymous = !operation.Value.TryGetProperty("security", out var security) || security.GetArrayLength() == 0;
                IReadOnlyList<string>? roles = operation.Value.TryGetProperty("x-platform-roles", out var declared)
                    ? [.. declared.EnumerateArray().Select(r => r.GetString()!)]
                    : null;
                yield return new Operation(
                    service, operation.Name.ToUpperInvariant(), path.Name, anonymous, roles,
                    PathParameters(path.Value, operation.Value), operation.Value.TryGetProperty("requestBody", out _));
            }
        }
    }

    /// <summary>The path with every parameter filled: <paramref name="values"/> by name, else a value of the right format.</summary>
    public string Path(IReadOnlyDictionary<string, string>? values = null) =>
        ParameterPattern().Replace(PathTemplate, m =>
        {
            var name = m.Groups["name"].Value;
            if (values?.TryGetValue(name, out var value) == true)
            {
                return Uri.EscapeDataString(value);
            }

            return ParameterFormats.GetValueOrDefault(name) switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "integer" => "1",
                _ => "security-probe",
            };
        });

    public HttpRequestMessage Request(IReadOnlyDictionary<string, string>? values = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path(values));
        if (HasBody)
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static Dictionary<string, string> PathParameters(JsonElement pathItem, JsonElement operation)
    {
        var formats = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { pathItem, operation })
        {
            if (!source.TryGetProperty("parameters", out var parameters))
            {
                continue;
            }

            foreach (var parameter in parameters.EnumerateArray().Where(p => p.TryGetProperty("in", out var at) && at.GetString() == "path"))
            {
                var schema = parameter.TryGetProperty("schema", out var s) ? s : default;
                var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString()
                    : schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()
                    : "string";
                formats[parameter.GetProperty("name").GetString()!] = format ?? "string";
            }
        }

        return formats;
    }

    [GeneratedRegex(@"\{(?<name>[^}:?]+)[^}]*\}")]
    private static partial Regex ParameterPattern();
}
