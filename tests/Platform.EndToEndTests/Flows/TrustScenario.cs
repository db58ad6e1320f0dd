using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Platform.EndToEndTests.Flows;

/// <summary>
/// An incident between two demo cities driven through the gateway up to a finalized allocation: the origin city reports on
/// time against its 2 h duty and pays in 500.00; the affected city is paid out 500.00. Each call a real role makes.
/// </summary>
internal sealed class TrustScenario(PlatformFixture platform, string origin, string affected)
{
    public string Origin => origin;

    public string Affected => affected;

    /// <summary>Registers both cities (already registered is fine) and waits until the fund has opened their accounts.</summary>
    public async Task RegisterAsync()
    {
        using var coordinator = await platform.ClientAsync("coordinator");
        foreach (var city in new[] { origin, affected })
        {
            var registered = await coordinator.PostAsJsonAsync("/api/cost-sharing/members", new
            {
                cityId = city, name = city, province = "浙江省", population = 1_000_000, gdpCny = 1m, contact = new { name = "x", email = $"x@{city}.gov.cn" },
            });
            Assert.True(registered.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await registered.Content.ReadAsStringAsync());
            await Platform.Testing.Eventually.Until(
                async () => (await coordinator.GetAsync($"/api/fund/members/{city}/accounts")).StatusCode == HttpStatusCode.OK, because: $"the fund to open {city}'s accounts");
            await Platform.Testing.Eventually.Until(
                async () => (await coordinator.GetAsync($"/api/trust/scores/{city}")).StatusCode == HttpStatusCode.OK, because: $"trust-score to know {city}");
        }
    }

    public async Task<Guid> FinalizeAsync(int dueDays)
    {
        await RegisterAsync();
        using var coordinator = await platform.ClientAsync("coordinator");
        using var originClient = await platform.ClientAsync("city-" + origin);
        using var affectedClient = await platform.ClientAsync("city-" + affected);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var now = DateTimeOffset.UtcNow;
        var agreementId = $"trust-{suffix}";
        await Expect(HttpStatusCode.Created, coordinator.PostAsJsonAsync("/api/cost-sharing/agreements", new
        {
            id = agreementId, name = "Trust flow " + suffix, members = new[] { origin, affected },
            rules = new Dictionary<string, object> { ["natural-disaster"] = new { rule = "origin-primary", originShare = 0.6m, key = "population-exposed" } },
            claimDeadlineDays = 30,
            settlement = new { dueDays, clearingAccount = "fund-clearing" },
            responsibilities = new[] { new { cityId = origin, duties = new[] { new { category = "natural-disaster", description = "Report within 2 h", reportWithinHours = 2, resources = new[] { "1 team" } } } } },
        }));
        var incident = (await Expect(HttpStatusCode.Created, coordinator.PostAsJsonAsync("/api/cost-sharing/incidents", new
        {
            agreementId, category = "natural-disaster", scenario = "exposure-spread", title = "Trust flow " + suffix, occurredAt = now.AddDays(-10),
            participants = new object[]
            {
                new { cityId = origin, side = "origin", contributionWeight = 1m, reportedAt = now.AddDays(-10).AddHours(1) },
                new { cityId = affected, side = "affected", populationExposed = 100_000L },
            },
        }))).GetProperty("id").GetGuid();
        await Expect(HttpStatusCode.OK, coordinator.PostAsync($"/api/cost-sharing/incidents/{incident}/confirm", null));
        await Expect(HttpStatusCode.OK, coordinator.PostAsJsonAsync($"/api/cost-sharing/incidents/{incident}/close-response", new { closedAt = now.AddDays(-1) }));

        // Fair shares 600.00 / 400.00 of 1,000.00; spent 100.00 / 900.00: the origin pays in 500.00, the affected city is paid 500.00.
        foreach (var (client, amount) in new[] { (originClient, 100m), (affectedClient, 900m) })
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

    public static async Task<JsonElement> Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }
}
