using System.Text.Json.Nodes;

namespace Platform.Contract.Tests.Documents;

/// <summary>One operation of a document, with where it is.</summary>
public sealed record OperationAt(string Service, string Method, string Path, JsonObject Operation)
{
    public string? Id => (string?)Operation["operationId"];

    public IEnumerable<string> Statuses => (Operation["responses"] as JsonObject ?? []).Select(r => r.Key);

    public IEnumerable<JsonObject> Parameters => (Operation["parameters"] as JsonArray ?? []).OfType<JsonObject>();

    public override string ToString() => $"{Service} {Method.ToUpperInvariant()} {Path}";
}

public static class DocumentWalk
{
    private static readonly HashSet<string> Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static IEnumerable<OperationAt> Operations(string service, JsonObject document) =>
        from path in document["paths"] as JsonObject ?? []
        from operation in path.Value as JsonObject ?? []
        where Methods.Contains(operation.Key) && operation.Value is JsonObject
        select new OperationAt(service, operation.Key, path.Key, (JsonObject)operation.Value!);

    public static async Task<List<OperationAt>> AllOperationsAsync() =>
        [.. (await PlatformDocuments.GetAsync()).SelectMany(d => Operations(d.Key, d.Value))];
}
