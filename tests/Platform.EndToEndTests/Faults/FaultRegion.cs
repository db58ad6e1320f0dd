using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace Platform.EndToEndTests.Faults;

/// <summary>
/// Three member cities under one agreement, known to every service, and incidents prepared up to the point where the
/// coordinating body finalizes their allocation: the fault tests' stream then finalizes them while something fails, so
/// each allocation is one request whose every effect (a settlement entry, obligations, commitments) can be counted.
/// </summary>
public sealed class FaultRegion
{
    public const string Origin = "huzhou";

    public static readonly string[] Cities = ["hangzhou", Origin, "jiaxing"];

    private FaultRegion(string agreementId) => AgreementId = agreementId;

    public string AgreementId { get; }

    public static async Task<FaultRegion> SetUpAsync(FaultPlatformFixture platform)
    {
        using var coordinator = platform.Client(PlatformRoles.Coordinator);
        foreach (var city in Cities)
        {
            await Expect(() => coordinator.PostAsJsonAsync("/api/cost-sharing/members", Member(city)), HttpStatusCode.Created);
            platform.Accepted.Registered(city);
        }

        foreach (var city in Cities)
        {
            foreach (var path in new[] { $"/api/fund/members/{city}/accounts", $"/api/trust/scores/{city}" })
            {
                await Eventually.Until(async () => (await coordinator.GetAsync(path)).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), $"{path} to exist");
            }
        }

        var region = new FaultRegion("fault-basin");
        await Expect(() => coordinator.PostAsJsonAsync("/api/cost-sharing/agreements", new
        {
            id = region.AgreementId,
            name = "故障演练流域协议",
            members = Cities,
            rules = new Dictionary<string, object>
            {
                ["natural-disaster"] = new { rule = "origin-primary", originShare = 0.6m, key = "population-exposed" },
            },
            claimDeadlineDays = 30,
            settlement = new { dueDays = 15, clearingAccount = "fund-clearing" },
        }), HttpStatusCode.Created);
        return region;
    }

    /// <summary>What the coordinating body sends to register a city.</summary>
    public static object Member(string cityId) => new
    {
        cityId, name = cityId, province = "浙江省", population = 1_000_000, gdpCny = 1m,
        contact = new { name = "Duty officer", email = $"duty@{cityId}.gov.cn" },
    };

    /// <summary>Opens an incident, has every city claim and the coordinating body approve and finalize the costs; returns its id.</summary>
    public async Task<Guid> PrepareIncidentAsync(FaultPlatformFixture platform, string title, decimal cost)
    {
        using var coordinator = platform.Client(PlatformRoles.Coordinator);
        var now = DateTimeOffset.UtcNow;
        var incident = (await Expect(() => coordinator.PostAsJsonAsync("/api/cost-sharing/incidents", new
        {
            agreementId = AgreementId,
            category = "natural-disaster",
            scenario = "exposure-spread",
            title,
            occurredAt = now.AddDays(-5),
            participants = new object[]
            {
                new { cityId = Origin, side = "origin", contributionWeight = 1m, reportedAt = now.AddDays(-5).AddHours(1) },
                new { cityId = "hangzhou", side = "affected", populationExposed = 200_000L },
                new { cityId = "jiaxing", side = "affected", populationExposed = 100_000L },
            },
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Expect(() => coordinator.PostAsync($"/api/cost-sharing/incidents/{incident}/confirm", null), HttpStatusCode.OK);
        await Expect(() => coordinator.PostAsJsonAsync($"/api/cost-sharing/incidents/{incident}/close-response", new { closedAt = now.AddDays(-1) }), HttpStatusCode.OK);
        var claims = new List<Guid>();
        foreach (var (city, share) in new[] { (Origin, 0.5m), ("hangzhou", 0.3m), ("jiaxing", 0.2m) })
        {
            using var client = platform.Client(PlatformRoles.City, city);
            var claim = await Expect(() => client.PostIdempotentAsync($"/api/cost-sharing/incidents/{incident}/claims", new
            {
                lines = new[] { new { category = "personnel", amount = decimal.Round(cost * share, 2), description = "Response teams", evidenceRef = "evidence/1.pdf" } },
                insurance = 0m,
                subsidies = 0m,
            }), HttpStatusCode.Created);
            claims.Add(claim.GetProperty("id").GetGuid());
        }

        foreach (var claim in claims)
        {
            await Expect(() => coordinator.PostIdempotentAsync($"/api/cost-sharing/claims/{claim}/decision", new { outcome = "approve" }), HttpStatusCode.OK);
        }

        await Expect(() => coordinator.PostAsync($"/api/cost-sharing/incidents/{incident}/finalize-costs", null), HttpStatusCode.OK);
        return incident;
    }

    public async Task<IReadOnlyList<Guid>> PrepareIncidentsAsync(FaultPlatformFixture platform, string tag, int count)
    {
        var incidents = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            incidents.Add(await PrepareIncidentAsync(platform, $"{tag} incident {i}", 90_000m + (i * 1_000.37m)));
        }

        return incidents;
    }

    /// <summary>
    /// The answer expected; a 503 (the gateway has no ready instance yet, the service's database is away: nothing was
    /// done) is sent again, as any client would, so a loaded machine's slow health probes do not fail the set-up.
    /// </summary>
    private static async Task<JsonElement> Expect(Func<Task<HttpResponseMessage>> call, HttpStatusCode status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var response = await call();
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == status)
            {
                return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
            }

            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
            }

            await Task.Delay(500);
        }
    }
}
