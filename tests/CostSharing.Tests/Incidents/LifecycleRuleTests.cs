using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CostSharing.Tests.Incidents;

/// <summary>Each lifecycle step refuses to run out of order, with the reason, and changes nothing.</summary>
public sealed class LifecycleRuleTests(CostSharingFixture fixture) : IClassFixture<CostSharingFixture>
{
    [Fact]
    public async Task ClaimsWaitForConfirmationAndCostsWaitForPendingClaimsAndTheDeadline()
    {
        var now = DateTimeOffset.UtcNow;
        var scenario = new Scenario(fixture, "order");
        await scenario.RegisterAsync("up", "down");
        var agreement = await scenario.AgreementAsync(Scenario.OriginPrimary(0.5m, "equal"), ["up", "down"]);
        var incidentId = await scenario.OpenAsync(scenario.IncidentBody(agreement, now.AddDays(-3), Scenario.Origin(scenario.Id("up"), 1m, now.AddDays(-3)), Scenario.Affected(scenario.Id("down"), 1)));
        using var up = fixture.City(scenario.Id("up"));

        var tooEarly = await up.PostAsJsonAsync($"/api/cost-sharing/incidents/{incidentId}/claims", Scenario.Claim(0m, 0m, ("personnel", 10m)));
        var closeUnconfirmed = await scenario.Coordinator.PostAsJsonAsync($"/api/cost-sharing/incidents/{incidentId}/close-response", new { });
        await scenario.ConfirmAndCloseAsync(incidentId, now.AddDays(-1));
        var claimId = await scenario.FileAsync(incidentId, "up", Scenario.Claim(0m, 0m, ("personnel", 10m)));
        var pending = await scenario.Coordinator.PostAsync($"/api/cost-sharing/incidents/{incidentId}/finalize-costs", null);
        await scenario.DecideAsync(claimId, new { outcome = "approve" });
        var deadlineOpen = await scenario.Coordinator.PostAsync($"/api/cost-sharing/incidents/{incidentId}/finalize-costs", null);
        var allocateEarly = await scenario.Coordinator.PostAsync($"/api/cost-sharing/incidents/{incidentId}/allocations", null);

        await Scenario.AssertProblemAsync(tooEarly, HttpStatusCode.Conflict, "Not open for claims");
        await Scenario.AssertProblemAsync(closeUnconfirmed, HttpStatusCode.Conflict, "only a confirmed incident");
        await Scenario.AssertProblemAsync(pending, HttpStatusCode.Conflict, "await a decision");
        await Scenario.AssertProblemAsync(deadlineOpen, HttpStatusCode.Conflict, $"{scenario.Id("down")} may still file");
        await Scenario.AssertProblemAsync(allocateEarly, HttpStatusCode.Conflict, "only a costs-finalized incident");
        var incident = await scenario.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cost-sharing/incidents/{incidentId}");
        Assert.Equal("response-closed", incident.GetProperty("status").GetString());
        Assert.False(incident.GetProperty("reporting")[0].GetProperty("late").GetBoolean());
    }
}
