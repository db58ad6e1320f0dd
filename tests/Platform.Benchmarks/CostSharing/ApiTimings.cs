extern alias CostSharingApi;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EmbeddedKafka;
using Platform.LocalPostgres;
using Platform.Testing;

namespace Platform.Benchmarks.CostSharing;

/// <summary>
/// Preview (compute through the API) and finalize timings for incidents with many cities and claim lines.
/// Each incident can be finalized once, so finalize is timed once per incident.
/// </summary>
internal static class ApiTimings
{
    public static async Task RunAsync(int affectedCities, int linesPerClaim, int incidents)
    {
        await using var postgres = await LocalPostgresServer.StartAsync(durable: true);
        using var broker = EmbeddedKafkaBroker.Start(brokerCount: 1);
        TestInfrastructure.CreateTopics(broker, "bench");
        await postgres.CreateDatabaseAsync("allocation");
        // WebApplicationFactory finds a tested service's content root from the test assembly's metadata; a
        // console tool has none, so it is named the documented way.
        Environment.SetEnvironmentVariable(
            "ASPNETCORE_TEST_CONTENTROOT_COSTSHARING_API", Path.Combine(RepositoryRoot.Path, "services", "CostSharing", "CostSharing.Api"));
        await using var service = new ServiceFactory<CostSharingApi::Program>(postgres.ConnectionString("allocation"), broker.BootstrapServers, "bench");
        service.Settings["Logging:LogLevel:Default"] = "Warning";
        service.Start();
        using var http = service.CreateClient();
        http.Timeout = TimeSpan.FromMinutes(5);
        var api = new BenchApi(http);

        var parties = AllocationBenchmark.Parties(affectedCities, new Random(42));
        var setup = await Timing.MeasureAsync(async () =>
        {
            await api.RegisterAsync(parties.Select(p => p.CityId));
            await api.AgreementAsync(parties.Select(p => p.CityId));
        });
        Console.WriteLine($"  setup: {parties.Count} members and the agreement in {setup / 1000:F1} s");

        var previews = new List<double>();
        var finalizes = new List<double>();
        for (var n = 0; n < incidents; n++)
        {
            var random = new Random(n);
            var incidentId = await api.OpenAsync(parties);
            var filing = await Timing.MeasureAsync(async () =>
            {
                foreach (var party in parties)
                {
                    var lines = party.CityId.StartsWith("bench-origin", StringComparison.Ordinal) ? 1 : linesPerClaim;
                    var claimId = await api.FileAsync(incidentId, party.CityId, lines, random);
                    await api.ApproveAsync(claimId);
                }
            });
            await api.PostAsync($"incidents/{incidentId}/finalize-costs");
            for (var i = 0; i < 3; i++)
            {
                previews.Add(await Timing.MeasureAsync(() => api.GetAsync($"incidents/{incidentId}/allocation-preview")));
            }

            var size = 0L;
            finalizes.Add(await Timing.MeasureAsync(async () => size = await api.PostAsync($"incidents/{incidentId}/allocations")));
            Console.WriteLine($"  incident {n + 1}: {parties.Count} claims filed and approved in {filing / 1000:F1} s; finalize answered {size / 1024.0:F0} KiB");
        }

        Console.WriteLine($"  compute (GET allocation-preview):  median {Median(previews),9:F1} ms  (min {previews.Min():F1}, {previews.Count} runs)");
        Console.WriteLine($"  finalize (POST allocations):       median {Median(finalizes),9:F1} ms  (min {finalizes.Min():F1}, {finalizes.Count} runs)");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

/// <summary>The few calls the benchmark makes, each with the caller's token.</summary>
internal sealed class BenchApi(HttpClient http)
{
    private readonly Dictionary<string, string> _tokens = [];
    private readonly string _coordinator = TestTokens.Coordinator();

    public async Task RegisterAsync(IEnumerable<string> cityIds)
    {
        foreach (var cityId in cityIds)
        {
            await SendAsync(HttpMethod.Post, "members", _coordinator, new
            {
                cityId, name = cityId, province = "浙江省", population = 1_000_000, gdpCny = 1_000_000_000m,
                contact = new { name = "bench", email = $"{cityId}@bench.example" },
            });
        }
    }

    public Task AgreementAsync(IEnumerable<string> members) => SendAsync(HttpMethod.Post, "agreements", _coordinator, new
    {
        id = "bench-agreement",
        name = "benchmark agreement",
        members,
        rules = new Dictionary<string, object> { ["natural-disaster"] = new { rule = "origin-primary", originShare = 0.6m, key = "population-exposed", cap = "benefit" } },
        claimDeadlineDays = 30,
        settlement = new { dueDays = 15 },
    });

    public async Task<Guid> OpenAsync(IEnumerable<CostSharingApi::CostSharing.Api.Domain.Allocation.AllocationParty> parties)
    {
        var occurredAt = DateTimeOffset.UtcNow.AddDays(-3);
        var body = await SendAsync(HttpMethod.Post, "incidents", _coordinator, new
        {
            agreementId = "bench-agreement", category = "natural-disaster", scenario = "hazard-spans-cities", title = "benchmark flood", occurredAt,
            participants = parties.Select(p => new
            {
                cityId = p.CityId, side = p.Side == CostSharingApi::CostSharing.Api.Domain.Allocation.Side.Origin ? "origin" : "affected",
                contributionWeight = p.Side == CostSharingApi::CostSharing.Api.Domain.Allocation.Side.Origin ? p.ContributionWeight : null,
                p.PopulationExposed, p.DamageAvoided,
                reportedAt = p.Side == CostSharingApi::CostSharing.Api.Domain.Allocation.Side.Origin ? occurredAt.AddHours(1) : (DateTimeOffset?)null,
            }),
        });
        var id = body.GetProperty("id").GetGuid();
        await PostAsync($"incidents/{id}/confirm");
        await SendAsync(HttpMethod.Post, $"incidents/{id}/close-response", _coordinator, new { closedAt = DateTimeOffset.UtcNow.AddDays(-1) });
        return id;
    }

    public async Task<Guid> FileAsync(Guid incidentId, string cityId, int lines, Random random)
    {
        var claim = new
        {
            lines = Enumerable.Range(0, lines).Select(i => new { category = "personnel", amount = random.Next(100, 5_000_000) / 100m, description = $"line {i}", evidenceRef = $"ev/{i}" }),
            insurance = 0m,
        };
        var body = await SendAsync(HttpMethod.Post, $"incidents/{incidentId}/claims", TokenOf(cityId), claim);
        return body.GetProperty("id").GetGuid();
    }

    public Task ApproveAsync(Guid claimId) => SendAsync(HttpMethod.Post, $"claims/{claimId}/decision", _coordinator, new { outcome = "approve" });

    public async Task<long> PostAsync(string path)
    {
        using var request = Request(HttpMethod.Post, path, _coordinator, null);
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? bytes.Length : throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
    }

    public Task GetAsync(string path) => SendAsync(HttpMethod.Get, path, _coordinator, null);

    private string TokenOf(string cityId) =>
        _tokens.TryGetValue(cityId, out var token) ? token : _tokens[cityId] = TestTokens.City(cityId);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string token, object? body)
    {
        using var request = Request(method, path, token, body);
        using var response = await http.SendAsync(request);
        var json = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonSerializer.Deserialize<JsonElement>(json)
            : throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {json}");
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, object? body)
    {
        var request = new HttpRequestMessage(method, $"/api/cost-sharing/{path}") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
