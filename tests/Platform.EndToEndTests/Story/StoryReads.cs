using System.Net;
using System.Text.Json;
using Platform.DemoSeeder;
using Xunit;

namespace Platform.EndToEndTests.Story;

/// <summary>The story's readers, each with its own role's token, reading through the gateway only.</summary>
internal sealed class StoryReads(StoryPlatform platform, DemoRegion region) : IDisposable
{
    private readonly Dictionary<string, HttpClient> clients = new(StringComparer.Ordinal);

    public Task<JsonElement> AsCoordinatorAsync(string path) => GetAsync(region.Clients.Coordinators[0], path);

    public Task<JsonElement> AsFinanceAsync(string path) => GetAsync(region.Clients.Finance, path);

    public Task<JsonElement> AsAuditorAsync(string path) => GetAsync(region.Clients.Auditor, path);

    public Task<JsonElement> AsCityAsync(string cityId, string path) => GetAsync(region.Clients.Cities[cityId], path);

    /// <summary>Statement lines of a city posted because of what <paramref name="inputName"/> names in the entry's inputs.</summary>
    public async Task<List<(string Account, JsonElement Line)>> LinesAsync(string cityId, string inputName, string value) =>
        [.. Lines(await AsCityAsync(cityId, $"/api/fund/members/{cityId}/statement"))
            .Where(l => l.Line.GetProperty("why").TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Object
                && inputs.TryGetProperty(inputName, out var v) && v.GetString() == value)];

    public static IEnumerable<(string Account, JsonElement Line)> Lines(JsonElement statement) =>
        statement.GetProperty("accounts").EnumerateArray()
            .SelectMany(a => a.GetProperty("lines").EnumerateArray().Select(l => (a.GetProperty("account").GetString()!, l)));

    public static decimal Balance(JsonElement account) => account.GetProperty("balance").GetDecimal();

    public static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    private async Task<JsonElement> GetAsync(DemoClient client, string path)
    {
        if (!clients.TryGetValue(client.ClientId, out var http))
        {
            http = await platform.ClientAsync(client.ClientId, client.ClientSecret);
            clients[client.ClientId] = http;
        }

        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} as {client.ClientId}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public void Dispose()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }
}
