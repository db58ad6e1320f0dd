using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CostSharing.Tests.Members;
using Xunit;

namespace CostSharing.Tests;

/// <summary>
/// Drives the API through an incident's life with unique city ids per test (tests share one database per
/// class and must not depend on each other's data).
/// </summary>
internal sealed class Scenario(CostSharingFixture fixture, string prefix)
{
    public HttpClient Coordinator { get; } = fixture.Coordinator();

    public string Id(string name) => $"{prefix}-{name}";

    public async Task RegisterAsync(params string[] names)
    {
        foreach (var name in names)
        {
            var response = await Coordinator.PostAsJsonAsync("/api/cost-sharing/members", MemberRequests.Valid(Id(name)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    /// <summary>An agreement over the named members with the given natural-disaster rule.</summary>
    public async Task<string> AgreementAsync(object rule, string[] members, int claimDeadlineDays = 30, int dueDays = 15)
    {
        var response = await Coordinator.PostAsJsonAsync("/api/cost-sharing/agreements", AgreementBody(Id("agreement"), rule, members, claimDeadlineDays, dueDays));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Id("agreement");
    }

    public object AgreementBody(string? id, object rule, string[] members, int claimDeadlineDays = 30, int dueDays = 15) => new
    {
        id,
        name = "长三角跨域风险共治协议 " + prefix,
        members = members.Select(Id).ToArray(),
        rules = new Dictionary<string, object> { ["natural-disaster"] = rule },
        claimDeadlineDays,
        settlement = new { dueDays, clearingAccount = "fund-clearing" },
        responsibilities = new[]
        {
            new { cityId = Id(members[0]), duties = new[] { new { category = "natural-disaster", description = "Report a rising river to the coordinating body", reportWithinHours = 2, resources = new[] { "2 pumping teams" } } } },
        },
    };

    public static object OriginPrimary(decimal alpha, string key) => new { rule = "origin-primary", originShare = alpha, key };

    public static object Origin(string cityId, decimal weight, DateTimeOffset reportedAt) =>
        new { cityId, side = "origin", contributionWeight = weight, reportedAt };

    public static object Affected(string cityId, long populationExposed) => new { cityId, side = "affected", populationExposed };

    public object IncidentBody(string agreementId, DateTimeOffset occurredAt, params object[] participants) => new
    {
        agreementId,
        category = "natural-disaster",
        scenario = "exposure-spread",
        title = "新安江洪水 " + prefix,
        occurredAt,
        participants,
    };

    public async Task<Guid> OpenAsync(object body)
    {
        var response = await Coordinator.PostAsJsonAsync("/api/cost-sharing/incidents", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Confirms the incident and closes its response at <paramref name="closedAt"/>.</summary>
    public async Task ConfirmAndCloseAsync(Guid incidentId, DateTimeOffset closedAt)
    {
        Assert.Equal(HttpStatusCode.OK, (await Coordinator.PostAsync($"/api/cost-sharing/incidents/{incidentId}/confirm", null)).StatusCode);
        var closed = await Coordinator.PostAsJsonAsync($"/api/cost-sharing/incidents/{incidentId}/close-response", new { closedAt });
        Assert.True(closed.StatusCode == HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
    }

    public static object Claim(decimal insurance, decimal subsidies, params (string Category, decimal Amount)[] lines) => new
    {
        lines = lines.Select((l, i) => new { category = l.Category, amount = l.Amount, description = $"{l.Category} cost {i + 1}", evidenceRef = $"evidence/{i + 1}.pdf" }),
        insurance,
        subsidies,
    };

    public async Task<Guid> FileAsync(Guid incidentId, string name, object claim)
    {
        using var city = fixture.City(Id(name));
        var response = await city.PostAsJsonAsync($"/api/cost-sharing/incidents/{incidentId}/claims", claim);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task DecideAsync(Guid claimId, object decision, string path = "decision")
    {
        var response = await Coordinator.PostAsJsonAsync($"/api/cost-sharing/claims/{claimId}/{path}", decision);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> FinalizeAsync(Guid incidentId)
    {
        var costs = await Coordinator.PostAsync($"/api/cost-sharing/incidents/{incidentId}/finalize-costs", null);
        Assert.True(costs.StatusCode == HttpStatusCode.OK, await costs.Content.ReadAsStringAsync());
        var allocation = await Coordinator.PostAsync($"/api/cost-sharing/incidents/{incidentId}/allocations", null);
        Assert.True(allocation.StatusCode == HttpStatusCode.Created, await allocation.Content.ReadAsStringAsync());
        return await allocation.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A three-city flood: the origin city upstream, two affected downstream, claims filed and decided.</summary>
    public async Task<Guid> DecidedFloodAsync(DateTimeOffset now)
    {
        await RegisterAsync("up", "mid", "down", "far");
        var agreement = await AgreementAsync(OriginPrimary(0.6m, "population-exposed"), ["up", "mid", "down", "far"]);
        var incident = await OpenAsync(IncidentBody(agreement, now.AddDays(-10),
            Origin(Id("up"), 1m, now.AddDays(-10).AddHours(3)), Affected(Id("mid"), 200_000), Affected(Id("down"), 100_000), Affected(Id("far"), 0)));
        await ConfirmAndCloseAsync(incident, now.AddDays(-1));
        var up = await FileAsync(incident, "up", Claim(50_000m, 0m, ("personnel", 300_000m), ("equipment", 100_000m)));
        var mid = await FileAsync(incident, "mid", Claim(0m, 0m, ("evacuation", 200_000m)));
        var down = await FileAsync(incident, "down", Claim(0m, 0m, ("materials", 100_000.01m)));
        var far = await FileAsync(incident, "far", Claim(0m, 0m, ("other", 5_000m)));
        await DecideAsync(up, new { outcome = "approve" });
        await DecideAsync(mid, new { outcome = "approve-part", approvedAmount = 150_000m, reason = "Evacuation of 2 villages was not mission-related." });
        await DecideAsync(down, new { outcome = "approve" });
        await DecideAsync(far, new { outcome = "reject", reason = "No response activity recorded." });
        MidClaim = mid;
        return incident;
    }

    public Guid MidClaim { get; private set; }

    /// <summary>Members up and down under an origin-primary agreement (α 0.7, population exposed) and a confirmed incident between them.</summary>
    public async Task<Guid> ConfirmedIncidentAsync()
    {
        await RegisterAsync("up", "down");
        await AgreementAsync(OriginPrimary(0.7m, "population-exposed"), ["up", "down"]);
        var incidentId = await OpenAsync(IncidentBody(Id("agreement"), DateTimeOffset.UtcNow.AddDays(-1),
            Origin(Id("up"), 1m, DateTimeOffset.UtcNow.AddDays(-1)), Affected(Id("down"), 5)));
        Assert.Equal(HttpStatusCode.OK, (await Coordinator.PostAsync($"/api/cost-sharing/incidents/{incidentId}/confirm", null)).StatusCode);
        return incidentId;
    }

    /// <summary>The response is a problem with <paramref name="status"/> whose body gives <paramref name="reason"/>.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Contains(reason, body);
    }
}
