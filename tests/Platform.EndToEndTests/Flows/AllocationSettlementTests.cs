using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEndTests.Flows;

/// <summary>
/// The cross-service money flow through the gateway: cost-sharing finalizes an allocation, the compensation fund
/// consumes it and settles every city's net position through its clearing account.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AllocationSettlementTests(PlatformFixture platform)
{
    private static readonly string[] Cities = ["jiaxing", "huangshan", "xuancheng"];

    [Fact]
    public async Task FinalizedAllocationIsSettledByTheFundThroughTheClearingAccount()
    {
        using var coordinator = await platform.ClientAsync("coordinator");
        using var finance = await platform.ClientAsync("finance");
        using var jiaxing = await platform.ClientAsync("city-jiaxing");
        using var huangshan = await platform.ClientAsync("city-huangshan");
        using var xuancheng = await platform.ClientAsync("city-xuancheng");
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var now = DateTimeOffset.UtcNow;

        foreach (var city in Cities)
        {
            var registered = await coordinator.PostAsJsonAsync("/api/cost-sharing/members", new
            {
                cityId = city, name = city, province = "安徽省", population = 1_000_000, gdpCny = 1m,
                contact = new { name = "x", email = $"x@{city}.gov.cn" },
            });
            Assert.True(registered.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await registered.Content.ReadAsStringAsync());
        }

        // The fund must have opened the members' accounts before it can post their settlement.
        foreach (var city in Cities)
        {
            await Eventually.Until(
                async () => (await coordinator.GetAsync($"/api/fund/members/{city}/accounts")).StatusCode == HttpStatusCode.OK,
                because: $"the fund to open {city}'s accounts");
        }

        var agreementId = $"xinan-river-{suffix}";
        await Created(coordinator.PostAsJsonAsync("/api/cost-sharing/agreements", new
        {
            id = agreementId,
            name = "新安江流域跨域风险共治协议 " + suffix,
            members = Cities,
            rules = new Dictionary<string, object>
            {
                ["natural-disaster"] = new { rule = "origin-primary", originShare = 0.6m, key = "population-exposed" },
            },
            claimDeadlineDays = 30,
            settlement = new { dueDays = 15, clearingAccount = "fund-clearing" },
            responsibilities = new[]
            {
                new { cityId = "huangshan", duties = new[] { new { category = "natural-disaster", description = "Report a rising river to the coordinating body", reportWithinHours = 2, resources = new[] { "2 pumping teams" } } } },
            },
        }));

        var incident = (await Created(coordinator.PostAsJsonAsync("/api/cost-sharing/incidents", new
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

        await Ok(coordinator.PostAsync($"/api/cost-sharing/incidents/{incident}/confirm", null));
        await Ok(coordinator.PostAsJsonAsync($"/api/cost-sharing/incidents/{incident}/close-response", new { closedAt = now.AddDays(-1) }));

        // Each city files its own claim with its own token.
        var huangshanClaim = await FileAsync(huangshan, incident, Claim(50_000m, ("personnel", 300_000m), ("equipment", 100_000m)));
        var jiaxingClaim = await FileAsync(jiaxing, incident, Claim(0m, ("evacuation", 200_000m)));
        var xuanchengClaim = await FileAsync(xuancheng, incident, Claim(0m, ("materials", 100_000.01m)));

        await Ok(coordinator.PostAsJsonAsync($"/api/cost-sharing/claims/{huangshanClaim}/decision", new { outcome = "approve" }));
        await Ok(coordinator.PostAsJsonAsync($"/api/cost-sharing/claims/{jiaxingClaim}/decision",
            new { outcome = "approve-part", approvedAmount = 150_000m, reason = "Evacuation of 2 villages was not mission-related." }));
        await Ok(coordinator.PostAsJsonAsync($"/api/cost-sharing/claims/{xuanchengClaim}/decision", new { outcome = "approve" }));

        await Ok(coordinator.PostAsync($"/api/cost-sharing/incidents/{incident}/finalize-costs", null));
        var allocation = await Created(coordinator.PostAsync($"/api/cost-sharing/incidents/{incident}/allocations", null));
        var allocationId = allocation.GetProperty("id").GetGuid();

        // Cost-sharing's figures: C = 350,000.00 + 150,000.00 + 100,000.01 = 600,000.01; origin side α·C = 360,000.006 → 360,000.01
        // (largest remainder of the side totals), affected side 240,000.00 split 2:1 by population exposed.
        var net = allocation.GetProperty("lines").EnumerateArray()
            .ToDictionary(l => l.GetProperty("cityId").GetString()!, l => l.GetProperty("netPosition").GetDecimal());
        Assert.Equal(600_000.01m, allocation.GetProperty("netEligibleCost").GetDecimal());
        Assert.Equal(10_000.01m, net["huangshan"]);
        Assert.Equal(10_000.00m, net["jiaxing"]);
        Assert.Equal(-20_000.01m, net["xuancheng"]);
        var instructions = allocation.GetProperty("instructions").EnumerateArray()
            .ToDictionary(i => i.GetProperty("cityId").GetString()!, i => i);
        Assert.Equal(3, instructions.Count);
        var expectedDue = DateOnly.FromDateTime(allocation.GetProperty("finalizedAt").GetDateTimeOffset().UtcDateTime).AddDays(15);

        // The fund consumes allocation-finalized and records the settlement.
        var settlement = await Eventually.Until(
            () => GetAsync(finance, $"/api/fund/settlements/{allocationId}"), r => r.Status == HttpStatusCode.OK,
            timeout: TimeSpan.FromSeconds(30), because: "the fund to settle the allocation");
        var body = settlement.Body;
        Assert.Equal(allocationId, body.GetProperty("allocationId").GetGuid());
        Assert.Equal(incident, body.GetProperty("incidentId").GetGuid());
        Assert.Equal(JsonValueKind.String, body.GetProperty("entryId").ValueKind);

        var positions = body.GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal(Cities.Order(StringComparer.Ordinal), positions.Select(p => p.GetProperty("cityId").GetString()!));
        foreach (var position in positions)
        {
            var city = position.GetProperty("cityId").GetString()!;
            var instruction = instructions[city];
            var obligated = position.GetProperty("obligated").GetDecimal();

            // Signed in the fund: positive owes the clearing account (pay-in), negative is owed (pay-out).
            Assert.Equal(net[city], obligated);
            Assert.Equal(instruction.GetProperty("direction").GetString() == "pay-in" ? instruction.GetProperty("amount").GetDecimal() : -instruction.GetProperty("amount").GetDecimal(), obligated);
            Assert.Equal(instruction.GetProperty("direction").GetString(), position.GetProperty("direction").GetString());
            Assert.Equal(0m, position.GetProperty("settled").GetDecimal());
            Assert.Equal(obligated, position.GetProperty("outstanding").GetDecimal());

            var due = DateOnly.Parse(position.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(DateOnly.Parse(instruction.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture), due);
            Assert.Equal(expectedDue, due);
        }

        Assert.Equal(0.00m, positions.Sum(p => p.GetProperty("obligated").GetDecimal()));
        Assert.Equal("pay-out", positions.Single(p => p.GetProperty("cityId").GetString() == "xuancheng").GetProperty("direction").GetString());

        // Jiaxing reads its own statement: the settlement posting refers to the allocation and charges its receivable.
        var statement = await GetAsync(jiaxing, "/api/fund/members/jiaxing/statement");
        Assert.Equal(HttpStatusCode.OK, statement.Status);
        var postings = statement.Body.GetProperty("accounts").EnumerateArray()
            .SelectMany(a => a.GetProperty("lines").EnumerateArray().Select(l => (Account: a.GetProperty("account").GetString()!, Line: l)))
            .Where(x => RefersTo(x.Line, allocationId))
            .ToList();
        var posting = Assert.Single(postings);
        Assert.Equal("city:jiaxing:settlement-receivable", posting.Account);
        Assert.Equal(10_000.00m, posting.Line.GetProperty("debit").GetDecimal());
        Assert.Equal(0m, posting.Line.GetProperty("credit").GetDecimal());
        Assert.Equal(body.GetProperty("entryId").GetGuid(), posting.Line.GetProperty("entryId").GetGuid());

        // ...and never another city's.
        var other = await jiaxing.GetAsync("/api/fund/members/huangshan/statement");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    private static bool RefersTo(JsonElement line, Guid allocationId)
    {
        var why = line.GetProperty("why");
        return (why.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Object
                && inputs.TryGetProperty("allocationId", out var id) && id.GetString() == allocationId.ToString())
            || (why.GetProperty("description").GetString() ?? string.Empty).Contains(allocationId.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static object Claim(decimal insurance, params (string Category, decimal Amount)[] lines) => new
    {
        lines = lines.Select((l, i) => new { category = l.Category, amount = l.Amount, description = $"{l.Category} cost {i + 1}", evidenceRef = $"evidence/{i + 1}.pdf" }),
        insurance,
        subsidies = 0m,
    };

    private static async Task<Guid> FileAsync(HttpClient city, Guid incidentId, object claim) =>
        (await Created(city.PostAsJsonAsync($"/api/cost-sharing/incidents/{incidentId}/claims", claim))).GetProperty("id").GetGuid();

    private static async Task<JsonElement> Created(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        return (response.StatusCode, body);
    }
}
