using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.EndToEndTests.Security;

/// <summary>One operation of a service's OpenAPI document, and who may call it.</summary>
public sealed partial record Operation(
    string Service, string Method, string PathTemplate, bool Anonymous, IReadOnlyList<string>? Roles,
    IReadOnlyDictionary<string, string> ParameterFormats, string? BodyMediaType)
{
    public bool HasBody => BodyMediaType is not null;

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head"];

    public bool IsSafe => Method is "GET" or "HEAD";

    /// <summary>A live feed (Server-Sent Events): it never ends, so it is opened and closed, never read to the end.</summary>
    public bool IsEventStream { get; init; }

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
                    PathParameters(path.Value, operation.Value), BodyMediaTypeOf(operation.Value))
                {
                    IsEventStream = StreamsEvents(operation.Value),
                };
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
        if (BodyMediaType is { } mediaType)
        {
            // The operation's own media type, so routing never refuses it as 415 before authorization decides.
            request.Content = new StringContent(mediaType.Contains("json", StringComparison.Ordinal) ? "{}" : string.Empty, System.Text.Encoding.UTF8, mediaType);
        }

        return request;
    }

    /// <summary>The first media type the operation's request body declares (JSON when it declares none).</summary>
    private static string? BodyMediaTypeOf(JsonElement operation) =>
        !operation.TryGetProperty("requestBody", out var body) ? null
        : body.TryGetProperty("content", out var content) && content.EnumerateObject().FirstOrDefault() is { Name.Length: > 0 } first ? first.Name
        : "application/json";

    private static bool StreamsEvents(JsonElement operation) =>
        operation.TryGetProperty("responses", out var responses)
        && responses.EnumerateObject().Any(r => r.Value.TryGetProperty("content", out var content) && content.TryGetProperty("text/event-stream", out _));

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
