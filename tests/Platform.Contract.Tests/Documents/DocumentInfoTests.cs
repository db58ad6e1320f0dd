using System.Text.Json.Nodes;

namespace Platform.Contract.Tests.Documents;

/// <summary>Each document introduces its service in Chinese and English, with contact, licence, version and described tags.</summary>
public sealed class DocumentInfoTests
{
    public static TheoryData<string> Services => [.. PlatformDocuments.Names];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Info_block_introduces_the_service_in_both_languages(string service)
    {
        var info = (await PlatformDocuments.GetAsync())[service]["info"]!;

        var description = (string?)info["description"] ?? string.Empty;
        Assert.Contains(description, c => c is >= '\u4e00' and <= '\u9fff');
        Assert.Contains("Who may call what", description, StringComparison.Ordinal);
        Assert.Matches(@"\b[Tt]he\b", description);
        Assert.False(string.IsNullOrWhiteSpace((string?)info["contact"]?["name"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)info["license"]?["name"]));
        Assert.Matches(@"^\d+\.\d+\.\d+$", (string?)info["version"] ?? string.Empty);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_tag_in_use_is_declared_with_a_description(string service)
    {
        var document = (await PlatformDocuments.GetAsync())[service];

        var used = DocumentWalk.Operations(service, document).SelectMany(o => (o.Operation["tags"] as JsonArray ?? []).Select(t => (string?)t)).Distinct();
        var described = (document["tags"] as JsonArray ?? []).Where(t => !string.IsNullOrWhiteSpace((string?)t?["description"])).Select(t => (string?)t?["name"]);
        Assert.Empty(used.Except(described));
    }
}
