using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEndTests.Replicas;

/// <summary>
/// Every service as two replicas (docs/deploy.md): an allocation is finalized in cost-sharing, and at that moment one replica of
/// cost-sharing, of the fund and of trust-score is killed (SIGKILL, a node lost). The survivors finish the flow — the fund
/// settles the allocation, trust-score opens the paying city's commitment, a payment retried with its Idempotency-Key through
/// either replica is taken once — and nothing is applied twice.
/// </summary>
public sealed class TwoReplicasTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Origin = "hangzhou";
    private const string Affected = "huzhou";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private ReplicatedPlatform _platform = null!;

    public async Task InitializeAsync() => _platform = await ReplicatedPlatform.StartAsync();

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task A_flow_completes_once_with_a_replica_of_each_service_killed_mid_flow()
    {
        using var coordinator = await _platform.ClientAsync("coordinator");
        using var finance = await _platform.ClientAsync("finance");
        using var origin = await _platform.ClientAsync("city-" + Origin);
        using var affected = await _platform.ClientAsync("city-" + Affected);

        var allocationId = await FinalizeAllocationAsync(coordinator, origin, affected);

        // The gateway balanced the calls so far over both cost-sharing replicas.
        var served = await Task.WhenAll(_platform.Replicas["cost-sharing"].Select(ApiRequestsServedAsync));
        output.WriteLine($"cost-sharing API requests per replica: {string.Join(", ", served)}");
        Assert.All(served, count => Assert.True(count > 0, $"a replica served no request: {string.Join(", ", served)}"));

        // Exactly one relay published: once cost-sharing's outbox is drained, each of its rows is on the topic once (no crash yet).
        await Eventually.Until(
            async () => await ScalarAsync("select count(*) from cost_sharing.platform_outbox where published_at is null") == 0, Patience, "cost-sharing's outbox to drain");
        var rows = await ScalarAsync($"select count(*) from cost_sharing.platform_outbox where topic like '%{Topics.CostSharing}'");
        var published = MessageIds(Topics.CostSharing);
        output.WriteLine($"cost-sharing: {rows} outbox rows, {published.Count} messages on the topic");
        Assert.Equal(rows, published.Count);
        Assert.Equal(rows, published.Distinct().Count());

        foreach (var service in new[] { "cost-sharing", "compensation-fund", "trust-score" })
        {
            _platform.Replicas[service][0].Kill();
        }

        output.WriteLine("killed replica 1 of cost-sharing, compensation-fund and trust-score");

        var settlement = await EventuallyOk(finance, $"/api/fund/settlements/{allocationId}", "the fund to settle the allocation");
        var positions = settlement.GetProperty("positions").EnumerateArray().ToDictionary(p => p.GetProperty("cityId").GetString()!, p => p.GetProperty("obligated").GetDecimal());
        Assert.Equal(500.00m, positions[Origin]);
        Assert.Equal(-500.00m, positions[Affected]);
        var commitment = await CommitmentAsync(origin, allocationId, c => c.GetProperty("status").GetString() == "open");
        Assert.Equal(500.00m, commitment.GetProperty("amount").GetDecimal());

        // The payment, sent with one key until it is answered, then twice more: whichever replica gets it, it is taken once.
        var key = Guid.NewGuid().ToString();
        var payment = new { cityId = Origin, amount = 500.00m };
        await Eventually.Until(
            async () => (await finance.PostIdempotentAsync($"/api/fund/settlements/{allocationId}/payments", payment, key)).StatusCode,
            status => status == HttpStatusCode.Created, Patience, "the payment to be taken");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await finance.PostIdempotentAsync($"/api/fund/settlements/{allocationId}/payments", payment, key)).StatusCode);
        }

        var paid = await CommitmentAsync(origin, allocationId, c => c.GetProperty("status").GetString() == "fulfilled-on-time");
        Assert.Equal(500.00m, paid.GetProperty("paid").GetDecimal());
        var settled = await EventuallyOk(finance, $"/api/fund/settlements/{allocationId}", "the settlement");
        Assert.Equal(500.00m, settled.GetProperty("positions").EnumerateArray().Single(p => p.GetProperty("cityId").GetString() == Origin).GetProperty("settled").GetDecimal());

        // Nothing applied twice: one settlement posting on the origin's receivable, one commitment per paying city.
        var statement = await EventuallyOk(origin, $"/api/fund/members/{Origin}/statement", "the origin's statement");
        var postings = statement.GetProperty("accounts").EnumerateArray()
            .SelectMany(a => a.GetProperty("lines").EnumerateArray())
            .Count(l => l.GetProperty("why").ToString().Contains(allocationId.ToString(), StringComparison.OrdinalIgnoreCase) && l.GetProperty("debit").GetDecimal() > 0);
        Assert.Equal(1, postings);
        var commitments = await CommitmentsAsync(origin);
        Assert.Single(commitments, c => c.GetProperty("id").GetString() == $"settlement:{allocationId}:{Origin}");
    }

    private static async Task<Guid> FinalizeAllocationAsync(HttpClient coordinator, HttpClient origin, HttpClient affected)
    {
        foreach (var city in new[] { Origin, Affected })
        {
            await Expect(HttpStatusCode.Created, coordinator.PostAsJsonAsync("/api/cost-sharing/members", new
            {
                cityId = city, name = city, province = "浙江省", population = 1_000_000, gdpCny = 1m, contact = new { name = "x", email = $"x@{city}.gov.cn" },
            }));
            await EventuallyOk(coordinator, $"/api/fund/members/{city}/accounts", $"the fund to open {city}'s accounts");
            await EventuallyOk(coordinator, $"/api/trust/scores/{city}", $"trust-score to know {city}");
        }

        var now = DateTimeOffset.UtcNow;
        await Expect(HttpStatusCode.Created, coordinator.PostAsJsonAsync("/api/cost-sharing/agreements", new
        {
            id = "replicas", name = "Replicas", members = new[] { Origin, Affected },
            rules = new Dictionary<string, object> { ["natural-disaster"] = new { rule = "origin-primary", originShare = 0.6m, key = "population-exposed" } },
            claimDeadlineDays = 30,
            settlement = new { dueDays = 15, clearingAccount = "fund-clearing" },
            responsibilities = new[] { new { cityId = Origin, duties = new[] { new { category = "natural-disaster", description = "Report within 2 h", reportWithinHours = 2, resources = new[] { "1 team" } } } } },
        }));
        var incident = (await Expect(HttpStatusCode.Created, coordinator.PostAsJsonAsync("/api/cost-sharing/incidents", new
        {
            agreementId = "replicas", category = "natural-disaster", scenario = "exposure-spread", title = "Replicas", occurredAt = now.AddDays(-10),
            participants = new object[]
            {
                new { cityId = Origin, side = "origin", contributionWeight = 1m, reportedAt = now.AddDays(-10).AddHours(1) },
                new { cityId = Affected, side = "affected", populationExposed = 100_000L },
            },
        }))).GetProperty("id").GetGuid();
        await Expect(HttpStatusCode.OK, coordinator.PostAsync($"/api/cost-sharing/incidents/{incident}/confirm", null));
        await Expect(HttpStatusCode.OK, coordinator.PostAsJsonAsync($"/api/cost-sharing/incidents/{incident}/close-response", new { closedAt = now.AddDays(-1) }));

        // Fair shares 600.00 / 400.00 of 1,000.00; spent 100.00 / 900.00: the origin pays in 500.00, the affected city is paid 500.00.
        foreach (var (client, amount) in new[] { (origin, 100m), (affected, 900m) })
        {
            var claim = (await Expect(HttpStatusCode.Created, client.PostAsJsonAsync($"/api/cost-sharing/incidents/{incident}/claims", new
            {
                lines = new[] { new { category = "personnel", amount, description = "response", evidenceRef = "evidence/1.pdf" } }, insurance = 0m, subsidies = 0m,
            }))).GetProperty("id").GetGuid();
            await Expect(HttpStatusCode.OK, coordinator.PostAsJsonAsync($"/api/cost-sharing/claims/{claim}/decision", new { outcome = "approve" }));
        }

        await Expect(HttpStatusCode.OK, coordinator.PostAsync($"/api/cost-sharing/incidents/{incident}/finalize-costs", null));
        return (await Expect(HttpStatusCode.Created, coordinator.PostAsync($"/api/cost-sharing/incidents/{incident}/allocations", null))).GetProperty("id").GetGuid();
    }

    private List<string> MessageIds(string topic) =>
        [.. TopicReader.ReadAll(BootstrapServers, $"{_platform.TopicNamespace}.{topic}", TimeSpan.FromMilliseconds(500))
            .Select(m => m.Message.Headers.TryGetLastBytes("message-id", out var id) ? Encoding.UTF8.GetString(id) : "?")];

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_platform.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string BootstrapServers => TestInfrastructure.GetAsync().GetAwaiter().GetResult().Broker.BootstrapServers;

    /// <summary>API requests a replica answered (prometheus-net's request counter on its management port; probes are not counted there).</summary>
    private static async Task<double> ApiRequestsServedAsync(ServiceProcess replica)
    {
        using var http = new HttpClient();
        var exposition = await http.GetStringAsync(new Uri($"http://127.0.0.1:{replica.ManagementPort}/metrics"));
        return exposition.Split('\n')
            .Where(l => l.StartsWith("http_requests_received_total{", StringComparison.Ordinal) && l.Contains("/api/", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Task<JsonElement> EventuallyOk(HttpClient client, string path, string because) => Eventually.Until(
        async () =>
        {
            using var response = await client.GetAsync(path);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        },
        body => body.ValueKind == JsonValueKind.Object, Patience, because);

    private static async Task<List<JsonElement>> CommitmentsAsync(HttpClient client) =>
        [.. (await EventuallyOk(client, $"/api/trust/cities/{Origin}/commitments?pageSize=200", "the origin's commitments")).GetProperty("items").EnumerateArray()];

    private static Task<JsonElement> CommitmentAsync(HttpClient client, Guid allocationId, Func<JsonElement, bool> done) => Eventually.Until(
        async () => (await CommitmentsAsync(client)).FirstOrDefault(c => c.GetProperty("id").GetString() == $"settlement:{allocationId}:{Origin}" && done(c)),
        c => c.ValueKind == JsonValueKind.Object, Patience, "the origin's settlement commitment");

    private static async Task<JsonElement> Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }
}
