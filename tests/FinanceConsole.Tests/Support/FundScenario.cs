using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Xunit;

namespace FinanceConsole.Tests.Support;

/// <summary>
/// Data the browser tests need, made through the services' public APIs with the demo machine clients: members, contribution
/// calls and payments (so the pool holds money), and a finalized allocation (so the fund settles it and proposes compensation).
/// </summary>
public sealed class FundScenario(ConsolePlatform platform)
{
    /// <summary>Today in the ledger's calendar (Asia/Shanghai); a bank line must not be dated after it.</summary>
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    public async Task JoinAsync(params string[] cities)
    {
        using var coordinator = await platform.ClientAsync("coordinator");
        foreach (var city in cities)
        {
            var registered = await coordinator.PostAsJsonAsync("/api/cost-sharing/members", new
            {
                cityId = city, name = city, province = "浙江省", population = 1_000_000, gdpCny = 1m,
                contact = new { name = "x", email = $"x@{city}.gov.cn" },
            });
            Assert.True(registered.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await registered.Content.ReadAsStringAsync());
        }

        foreach (var city in cities)
        {
            await Eventually.Until(
                async () => (await coordinator.GetAsync($"/api/fund/members/{city}/accounts")).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(30), $"the fund to open {city}'s accounts");
        }
    }

    /// <summary>Calls a contribution of <paramref name="amount"/> from one city; returns its obligation code.</summary>
    public async Task<string> CallAsync(string city, decimal amount)
    {
        using var finance = await platform.ClientAsync("finance");
        var period = Unique("p");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/fund/contribution-calls")
        {
            Content = JsonContent.Create(new { period, total = amount, dueDate = Today.AddDays(10), formula = "fixed-ratios", ratios = new Dictionary<string, decimal> { [city] = 1 } }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await Expect(HttpStatusCode.Created, finance.SendAsync(request));
        return $"CC-{period}-{city}";
    }

    /// <summary>Records a payment received from a city under a bank reference (what a later statement line is matched against).</summary>
    public async Task PayAsync(string city, decimal amount, string bankReference)
    {
        using var finance = await platform.ClientAsync("finance");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/fund/payments")
        {
            Content = JsonContent.Create(new { cityId = city, amount, bankReference }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await Expect(HttpStatusCode.Created, finance.SendAsync(request));
    }

    /// <summary>
    /// An incident in which huangshan is the origin and jiaxing and xuancheng are affected, its claims approved and its
    /// allocation finalized; returns the allocation id once the fund has settled it.
    /// </summary>
    public async Task<Guid> FinalizedAllocationAsync()
    {
        string[] cities = ["huangshan", "jiaxing", "xuancheng"];
        await JoinAsync(cities);
        using var coordinator = await platform.ClientAsync("coordinator");
        var suffix = Unique("");
        var now = DateTimeOffset.UtcNow;
        var agreementId = $"xinan-{suffix}";
        await Expect(HttpStatusCode.Created, coordinator.PostAsJsonAsync("/api/cost-sharing/agreements", new
        {
            id = agreementId,
            name = "新安江流域跨域风险共治协议 " + suffix,
            members = cities,
            rules = new Dictionary<string, object> { ["natural-disaster"] = new { rule = "origin-primary", originShare = 0.6m, key = "population-exposed" } },
            claimDeadlineDays = 30,
            settlement = new { dueDays = 5, clearingAccount = "fund-clearing" },
        }));
        var incident = (await Expect(HttpStatusCode.Created, coordinator.PostAsJsonAsync("/api/cost-sharing/incidents", new
        {
            agreementId,
            category = "natural-disaster",
            scenario = "exposure-spread",
            title = "新安江洪水 " + suffix,
            occurredAt = now.AddDays(-10),
            participants = new object[]
            {
                new { cityId = "huangshan", side = "origin", contributionWeight = 1m, reportedAt = now.AddDays(-10).AddHours(1) },
                new { cityId = "jiaxing", side = "affected", populationExposed = 200_000L },
                new { cityId = "xuancheng", side = "affected", populationExposed = 100_000L },
            },
        }))).GetProperty("id").GetGuid();
        await Expect(HttpStatusCode.OK, coordinator.PostAsync($"/api/cost-sharing/incidents/{incident}/confirm", null));
        await Expect(HttpStatusCode.OK, coordinator.PostAsJsonAsync($"/api/cost-sharing/incidents/{incident}/close-response", new { closedAt = now.AddDays(-1) }));
        foreach (var (city, amount) in new[] { ("huangshan", 300_000m), ("jiaxing", 200_000m), ("xuancheng", 100_000m) })
        {
            using var client = await platform.ClientAsync("city-" + city);
            var claim = (await Expect(HttpStatusCode.Created, client.PostAsJsonAsync($"/api/cost-sharing/incidents/{incident}/claims", new
            {
                lines = new[] { new { category = "personnel", amount, description = "response cost", evidenceRef = "evidence/1.pdf" } },
                insurance = 0m,
                subsidies = 0m,
            }))).GetProperty("id").GetGuid();
            await Expect(HttpStatusCode.OK, coordinator.PostAsJsonAsync($"/api/cost-sharing/claims/{claim}/decision", new { outcome = "approve" }));
        }

        await Expect(HttpStatusCode.OK, coordinator.PostAsync($"/api/cost-sharing/incidents/{incident}/finalize-costs", null));
        var allocation = (await Expect(HttpStatusCode.Created, coordinator.PostAsync($"/api/cost-sharing/incidents/{incident}/allocations", null))).GetProperty("id").GetGuid();
        await Eventually.Until(
            async () => (await coordinator.GetAsync($"/api/fund/settlements/{allocation}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the fund to settle the allocation");
        return allocation;
    }

    private static async Task<JsonElement> Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri}: {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
