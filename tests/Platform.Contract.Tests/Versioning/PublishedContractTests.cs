using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Contract.Tests.Documents;
using Platform.Contract.Tests.Support;

namespace Platform.Contract.Tests.Versioning;

/// <summary>
/// The versioning promise (docs/api-versioning.md): each service's current document is compared with the published
/// one committed in docs/openapi/{service}.json, and a breaking change fails unless it was announced (the operation or
/// field deprecated in the published document) or is listed in docs/openapi/breaking-changes-allowed.json.
/// Publishing a new contract: <c>API_SNAPSHOTS=update dotnet test tests/Platform.Contract.Tests --filter PublishedContract</c>.
/// </summary>
public sealed class PublishedContractTests
{
    public static TheoryData<string> Services => [.. PlatformDocuments.Names];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Current_document_breaks_nothing_the_published_one_promised(string service)
    {
        var current = (await PlatformDocuments.GetAsync())[service];
        var file = Repository.Path("docs", "openapi", $"{service}.json");
        var update = Environment.GetEnvironmentVariable("API_SNAPSHOTS") == "update";
        if (update && !File.Exists(file))
        {
            await File.WriteAllTextAsync(file, current.ToJsonString(Indented) + "\n");
        }

        Assert.True(File.Exists(file), $"{file} is missing: publish the contract (see docs/api-versioning.md).");
        var published = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();

        var allowed = await AllowedAsync(service);
        var unannounced = BreakingChanges.Between(published, current).Where(c => !c.Announced && !allowed.Contains(c.Key)).ToList();

        Assert.True(unannounced.Count == 0,
            $"{service}: {unannounced.Count} breaking change(s) not announced (deprecate first, or list them in docs/openapi/breaking-changes-allowed.json):\n"
            + string.Join('\n', unannounced));
        if (update)
        {
            await File.WriteAllTextAsync(file, current.ToJsonString(Indented) + "\n");
        }
    }

    private static async Task<HashSet<string>> AllowedAsync(string service)
    {
        var file = Repository.Path("docs", "openapi", "breaking-changes-allowed.json");
        var entries = JsonNode.Parse(await File.ReadAllTextAsync(file))?["allowed"] as JsonArray ?? [];
        return [.. entries.OfType<JsonObject>().Where(e => (string?)e["service"] == service).Select(e => (string?)e["change"]).OfType<string>()];
    }
}
