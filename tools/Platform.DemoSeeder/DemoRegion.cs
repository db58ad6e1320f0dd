using System.Text.Json;

namespace Platform.DemoSeeder;

/// <summary>
/// The demo data set, read from <c>demo-region.json</c> beside the program: the clients of every role, the member cities,
/// their agreement, and the story the seeder plays through the gateway (the fund's money, the base data, the warning that
/// became the incident, its settlement and compensation, and the evaluation of the response).
/// </summary>
internal sealed record DemoRegion(
    string Id,
    string Name,
    DemoClients Clients,
    IReadOnlyList<DemoMember> Members,
    DemoAgreement Agreement,
    DemoFund Fund,
    DemoCommunication Communication,
    DemoIncident Incident,
    DemoSettlement Settlement,
    DemoEvaluation Evaluation)
{
    public const string FileName = "demo-region.json";

    /// <summary>The file copied beside the seeder (and beside anything that references it, such as the scenario test).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, FileName);

    public static async Task<DemoRegion> LoadAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<DemoRegion>(file, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException($"{path} holds no demo region.");
    }
}

/// <summary>A client the seeder obtains a token as (client credentials); an evaluator's also names the evaluator it is.</summary>
internal sealed record DemoClient(string ClientId, string ClientSecret, string? EvaluatorId = null);

/// <summary>
/// One client per role the story needs: two members of the coordinating body (compensation needs two approvers),
/// finance, the auditor, two third-party evaluators and each city.
/// </summary>
internal sealed record DemoClients(
    IReadOnlyList<DemoClient> Coordinators, DemoClient Finance, DemoClient Auditor, IReadOnlyList<DemoClient> Evaluators,
    IReadOnlyDictionary<string, DemoClient> Cities);

/// <summary>A member city, exactly as <c>POST /api/cost-sharing/members</c> takes it.</summary>
internal sealed record DemoMember(
    string CityId, string Name, string Province, long Population, decimal GdpCny, DemoContact Contact);

internal sealed record DemoContact(string Name, string Email, string Phone);
