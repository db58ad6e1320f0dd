using System.Text.Json.Nodes;

namespace Platform.Charts.Tests.Rendering;

/// <summary>One object of a render: its Kubernetes identity, the template it came from, its JSON.</summary>
public sealed record RenderedObject(string Source, JsonObject Json)
{
    public string ApiVersion => (string?)Json["apiVersion"] ?? "";

    public string Kind => (string?)Json["kind"] ?? "";

    public string Name => (string?)Json["metadata"]?["name"] ?? "";

    public string? Label(string key) => (string?)Json["metadata"]?["labels"]?[key];

    public string Component => Label("app.kubernetes.io/component") ?? "";

    public override string ToString() => $"{Kind}/{Name} ({Source})";

    /// <summary>Splits the renderer's output on its "# Source:" documents.</summary>
    public static IReadOnlyList<RenderedObject> Parse(string manifests)
    {
        var objects = new List<RenderedObject>();
        foreach (var document in manifests.Split("\n---\n").Select(d => d.TrimStart('-', '\n')))
        {
            var source = document.Split('\n')[0].Replace("# Source: ", "", StringComparison.Ordinal);
            objects.AddRange(YamlJson.LoadDocuments(document).Select(json => new RenderedObject(source, json)));
        }

        return objects;
    }
}
