using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CostSharing.Tests.Claims;

/// <summary>A city files and sees its own claims and the incidents it takes part in; other cities' are not found.</summary>
public sealed class ClaimAccessTests(CostSharingFixture fixture) : IClassFixture<CostSharingFixture>
{
    [Fact]
    public async Task CityCannotReadListOrAmendAnotherCitysClaim()
    {
        var (scenario, incidentId, upClaim) = await OpenWithClaimAsync("own");
        using var mid = fixture.City(scenario.Id("mid"));
        var before = await fixture.AllWritesAsync();

        var read = await mid.GetAsync($"/api/cost-sharing/claims/{upClaim}");
        var amend = await mid.PutAsJsonAsync($"/api/cost-sharing/claims/{upClaim}", Scenario.Claim(0m, 0m, ("other", 1m)));
        var list = await mid.GetFromJsonAsync<JsonElement>($"/api/cost-sharing/incidents/{incidentId}/claims");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, amend.StatusCode);
        Assert.Equal(0, list.GetProperty("total").GetInt64());
        Assert.Equal(before, await fixture.AllWritesAsync());
    }

    [Fact]
    public async Task CityOutsideTheIncidentCannotSeeItOrFileForIt()
    {
        var (scenario, incidentId, _) = await OpenWithClaimAsync("outside");
        await scenario.RegisterAsync("stranger");
        using var stranger = fixture.City(scenario.Id("stranger"));
        var before = await fixture.AllWritesAsync();

        var incident = await stranger.GetAsync($"/api/cost-sharing/incidents/{incidentId}");
        var file = await stranger.PostAsJsonAsync($"/api/cost-sharing/incidents/{incidentId}/claims", Scenario.Claim(0m, 0m, ("other", 10m)));
        var preview = await stranger.GetAsync($"/api/cost-sharing/incidents/{incidentId}/allocation-preview");
        var listed = await stranger.GetFromJsonAsync<JsonElement>("/api/cost-sharing/incidents");

        Assert.Equal(HttpStatusCode.NotFound, incident.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == incidentId);
        Assert.Equal(before, await fixture.AllWritesAsync());
    }

    [Fact]
    public async Task OwnerAmendsWithHistoryAndAuditorReadsButCannotAct()
    {
        var (scenario, incidentId, upClaim) = await OpenWithClaimAsync("amend");
        using var up = fixture.City(scenario.Id("up"));
        using var auditor = fixture.As("auditor");

        var amended = await up.PutAsJsonAsync($"/api/cost-sharing/claims/{upClaim}", Scenario.Claim(10m, 5m, ("personnel", 120m), ("medical", 30.5m)));
        var audited = await auditor.GetFromJsonAsync<JsonElement>($"/api/cost-sharing/claims/{upClaim}");
        var auditorFiles = await auditor.PostAsJsonAsync($"/api/cost-sharing/incidents/{incidentId}/claims", Scenario.Claim(0m, 0m, ("other", 1m)));
        var auditorDecides = await auditor.PostAsJsonAsync($"/api/cost-sharing/claims/{upClaim}/decision", new { outcome = "approve" });
        var cityDecides = await up.PostAsJsonAsync($"/api/cost-sharing/claims/{upClaim}/decision", new { outcome = "approve" });
        var listed = await up.GetFromJsonAsync<JsonElement>("/api/cost-sharing/incidents");

        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        Assert.Equal(150.5m, audited.GetProperty("claimedAmount").GetDecimal());
        Assert.Equal(["filed", "amended"], audited.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("change").GetString()));
        Assert.Equal(100m, audited.GetProperty("history")[0].GetProperty("lines")[0].GetProperty("amount").GetDecimal());
        Assert.Equal(HttpStatusCode.Forbidden, auditorFiles.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, auditorDecides.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cityDecides.StatusCode);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == incidentId);
    }

    private async Task<(Scenario Scenario, Guid IncidentId, Guid Claim)> OpenWithClaimAsync(string prefix)
    {
        var now = DateTimeOffset.UtcNow;
        var scenario = new Scenario(fixture, prefix);
        await scenario.RegisterAsync("up", "mid");
        var agreement = await scenario.AgreementAsync(Scenario.OriginPrimary(0.7m, "equal"), ["up", "mid"]);
        var incidentId = await scenario.OpenAsync(scenario.IncidentBody(agreement, now.AddDays(-2), Scenario.Origin(scenario.Id("up"), 1m, now.AddDays(-2)), Scenario.Affected(scenario.Id("mid"), 10)));
        Assert.Equal(HttpStatusCode.OK, (await scenario.Coordinator.PostAsync($"/api/cost-sharing/incidents/{incidentId}/confirm", null)).StatusCode);
        return (scenario, incidentId, await scenario.FileAsync(incidentId, "up", Scenario.Claim(0m, 0m, ("personnel", 100m))));
    }
}
