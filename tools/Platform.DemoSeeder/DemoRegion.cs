using System.Text.Json;

namespace Platform.DemoSeeder;

/// <summary>
/// The demo data set, read from <c>demo-region.json</c> beside the program: the member cities, the agreement
/// between them and the incidents whose costs they shared (both optional, so a bare region still loads).
/// </summary>
internal sealed record DemoRegion(
    string Id, string Name, DemoClient Client, IReadOnlyList<DemoMember> Members, DemoAgreement? Agreement, IReadOnlyList<DemoIncident>? Incidents)
{
    public const string FileName = "demo-region.json";

    public static async Task<DemoRegion> LoadAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<DemoRegion>(file, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException($"{path} holds no demo region.");
    }
}

/// <summary>A client the seeder obtains a token as: the coordinator for the region, a city for its own claims.</summary>
internal sealed record DemoClient(string ClientId, string ClientSecret);

/// <summary>A member city, exactly as <c>POST /api/cost-sharing/members</c> takes it.</summary>
internal sealed record DemoMember(
    string CityId, string Name, string Province, long Population, decimal GdpCny, DemoContact Contact);

internal sealed record DemoContact(string Name, string Email, string Phone);
