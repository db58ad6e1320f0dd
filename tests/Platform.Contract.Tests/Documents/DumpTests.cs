namespace Platform.Contract.Tests.Documents;

public sealed class DumpTests
{
    [Fact]
    public async Task Dump()
    {
        foreach (var (service, document) in await PlatformDocuments.GetAsync())
        {
            await File.WriteAllTextAsync($"/tmp/oas-{service}.json", document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }
    }
}
