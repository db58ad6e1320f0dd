extern alias CommunicationApi;
extern alias CostSharingApi;
extern alias EvaluationApi;
extern alias FundApi;
extern alias GatewayApi;
extern alias TrustApi;
using System.Text.Json.Nodes;
using GatewayApi::Platform.Gateway.ApiReference;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Contract.Tests.Documents;

/// <summary>
/// The five services' OpenAPI documents exactly as the gateway serves them at <c>/openapi/{service}.json</c>
/// (<see cref="GatewayDocument.Present"/>), generated once per test run.
/// </summary>
public static class PlatformDocuments
{
    /// <summary>The gateway address written into the documents (a stable one, so snapshots do not depend on a port).</summary>
    public const string GatewayUrl = "https://gateway.risk-governance.cn";


    /// <summary>The names the gateway serves the documents under (<c>/openapi/{name}.json</c>), its cluster ids.</summary>
    public static readonly IReadOnlyList<string> Names = ["communication", "compensation-fund", "cost-sharing", "evaluation", "trust-score"];

    private static readonly Lazy<Task<IReadOnlyDictionary<string, JsonObject>>> All = new(LoadAsync);

    public static Task<IReadOnlyDictionary<string, JsonObject>> GetAsync() => All.Value;

    private static async Task<IReadOnlyDictionary<string, JsonObject>> LoadAsync()
    {
        var loads = new (string Service, Func<Task<JsonObject>> Load)[]
        {
            ("cost-sharing", () => FetchAsync<CostSharingApi::Program>("/api/cost-sharing/openapi/v1.json")),
            ("compensation-fund", () => FetchAsync<FundApi::Program>("/api/fund/openapi/v1.json")),
            ("trust-score", () => FetchAsync<TrustApi::Program>("/api/trust/openapi/v1.json")),
            ("evaluation", () => FetchAsync<EvaluationApi::Program>("/api/evaluation/openapi/v1.json")),
            ("communication", () => FetchAsync<CommunicationApi::Program>("/api/communication/openapi/v1.json")),
        };
        var documents = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (service, load) in loads)
        {
            documents[service] = GatewayDocument.Present(await load(), GatewayUrl, GatewayUrl + "/connect/token", service);
        }

        return documents;
    }

    private static async Task<JsonObject> FetchAsync<TProgram>(string path)
        where TProgram : class
    {
        await using var host = new DocumentHost<TProgram>();
        using var client = host.CreateClient();
        var body = await client.GetStringAsync(path);
        return JsonNode.Parse(body)!.AsObject();
    }
}
