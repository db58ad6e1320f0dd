using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Contract.Tests.Documents;
using Platform.Contract.Tests.Support;

namespace Platform.Contract.Tests.Lint;

/// <summary>
/// Every service's document, as the gateway serves it, passes Redocly's recommended rules with no error and no warning
/// (what a partner's developer runs before generating a client).
/// </summary>
public sealed class RedoclyLintTests
{
    public static TheoryData<string> Services => [.. PlatformDocuments.Names];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Document_passes_the_recommended_rules_without_a_warning(string service)
    {
        var documents = await PlatformDocuments.GetAsync();
        var file = Path.Combine(Path.GetTempPath(), $"platform-openapi-{service}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, documents[service].ToJsonString());
        try
        {
            var result = await NodeTools.RunAsync("redocly", ["lint", "--extends", "recommended", "--format", "json", file]);

            var problems = JsonNode.Parse(result.Output)?["problems"] as JsonArray
                ?? throw new InvalidOperationException($"Redocly gave no report ({result.ExitCode}): {result.Output}\n{result.Error}");
            Assert.True(problems.Count == 0, $"{service}: {problems.Count} problems:\n" + string.Join('\n', problems.Select(p =>
                $"{p?["severity"]} {p?["ruleId"]}: {p?["message"]} at {p?["location"]?[0]?["pointer"]}")));
            Assert.Equal(0, result.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
