using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CostSharing.Tests.Agreements;

/// <summary>Agreements are versioned with one active version; an incident keeps the version it opened under.</summary>
public sealed class AgreementVersionTests(CostSharingFixture fixture) : IClassFixture<CostSharingFixture>
{
    [Fact]
    public async Task NewVersionBecomesActiveAndOpenIncidentsKeepTheirs()
    {
        var now = DateTimeOffset.UtcNow;
        var scenario = new Scenario(fixture, "ver");
        await scenario.RegisterAsync("up", "down");
        var agreement = await scenario.AgreementAsync(Scenario.OriginPrimary(0.7m, "equal"), ["up", "down"]);
        var body = scenario.IncidentBody(agreement, now.AddHours(-5), Scenario.Origin(scenario.Id("up"), 1m, now.AddHours(-4)), Scenario.Affected(scenario.Id("down"), 1));
        var before = await scenario.OpenAsync(body);

        var published = await scenario.Coordinator.PostAsJsonAsync(
            $"/api/cost-sharing/agreements/{agreement}/versions", scenario.AgreementBody(null, Scenario.OriginPrimary(0.9m, "equal"), ["up", "down"]));
        var after = await scenario.OpenAsync(body);

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var read = await scenario.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cost-sharing/agreements/{agreement}");
        Assert.Equal(2, read.GetProperty("activeVersion").GetInt32());
        Assert.Equal([1, 2], read.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()));
        var first = await scenario.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cost-sharing/agreements/{agreement}/versions/1");
        Assert.False(first.GetProperty("active").GetBoolean());
        Assert.Equal(0.7m, first.GetProperty("rules").GetProperty("natural-disaster").GetProperty("originShare").GetDecimal());
        Assert.Equal(1, await VersionOfAsync(scenario, before));
        Assert.Equal(2, await VersionOfAsync(scenario, after));
    }

    [Fact]
    public async Task CityReadsAgreementsButCannotChangeThem()
    {
        var scenario = new Scenario(fixture, "read");
        await scenario.RegisterAsync("up");
        var agreement = await scenario.AgreementAsync(Scenario.OriginPrimary(0.5m, "equal"), ["up"]);
        using var city = fixture.City(scenario.Id("up"));

        var read = await city.GetAsync($"/api/cost-sharing/agreements/{agreement}");
        var change = await city.PostAsJsonAsync($"/api/cost-sharing/agreements/{agreement}/versions", scenario.AgreementBody(null, Scenario.OriginPrimary(0.5m, "equal"), ["up"]));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
    }

    private static async Task<int> VersionOfAsync(Scenario scenario, Guid incidentId) =>
        (await scenario.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cost-sharing/incidents/{incidentId}")).GetProperty("agreementVersion").GetInt32();
}
