using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Xunit;

namespace CostSharing.Tests.Claims;

/// <summary>Filing is idempotent by key, and a decision needs a reason and a part below the claim.</summary>
public sealed class ClaimRuleTests(CostSharingFixture fixture) : IClassFixture<CostSharingFixture>
{
    [Fact]
    public async Task SameIdempotencyKeyFilesOneClaimAndDecisionsNeedAReason()
    {
        var now = DateTimeOffset.UtcNow;
        var scenario = new Scenario(fixture, "once");
        await scenario.RegisterAsync("up", "down");
        var agreement = await scenario.AgreementAsync(Scenario.OriginPrimary(0.5m, "equal"), ["up", "down"]);
        var incidentId = await scenario.OpenAsync(scenario.IncidentBody(agreement, now.AddDays(-3), Scenario.Origin(scenario.Id("up"), 1m, now.AddDays(-3)), Scenario.Affected(scenario.Id("down"), 1)));
        await scenario.ConfirmAndCloseAsync(incidentId, now.AddDays(-1));
        using var up = fixture.City(scenario.Id("up"));

        var first = await FileWithKeyAsync(up, incidentId, "claim-key-1");
        var again = await FileWithKeyAsync(up, incidentId, "claim-key-1");
        var claimId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var rejectWithoutReason = await scenario.Coordinator.PostAsJsonAsync($"/api/cost-sharing/claims/{claimId}/decision", new { outcome = "reject" });
        var partTooLarge = await scenario.Coordinator.PostAsJsonAsync($"/api/cost-sharing/claims/{claimId}/decision", new { outcome = "approve-part", approvedAmount = 10m, reason = "r" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(claimId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        var claims = await scenario.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cost-sharing/incidents/{incidentId}/claims");
        Assert.Equal(1, claims.GetProperty("total").GetInt64());
        await Scenario.AssertProblemAsync(rejectWithoutReason, HttpStatusCode.BadRequest, "reason");
        await Scenario.AssertProblemAsync(partTooLarge, HttpStatusCode.UnprocessableEntity, "approve in full instead");
    }

    private static Task<HttpResponseMessage> FileWithKeyAsync(HttpClient city, Guid incidentId, string key) =>
        city.PostIdempotentAsync($"/api/cost-sharing/incidents/{incidentId}/claims", Scenario.Claim(1m, 0m, ("materials", 10m)), key);
}
