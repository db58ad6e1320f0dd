using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CostSharing.Tests.Claims;

/// <summary>A bad claim gets a 400 problem naming the field and changes nothing (docs/architecture.md §5).</summary>
public sealed class BadClaimInputTests(CostSharingFixture fixture) : IClassFixture<CostSharingFixture>
{
    public static TheoryData<string, object, string> BadClaims => new()
    {
        { "negative amount", Scenario.Claim(0m, 0m, ("personnel", -5m)), "lines[0].amount" },
        { "zero amount", Scenario.Claim(0m, 0m, ("personnel", 0m)), "lines[0].amount" },
        { "over-precise amount", Scenario.Claim(0m, 0m, ("personnel", 10.005m)), "lines[0].amount" },
        { "over-precise insurance", Scenario.Claim(0.001m, 0m, ("personnel", 10m)), "insurance" },
        { "insurance above the claim", Scenario.Claim(8m, 3m, ("personnel", 10m)), "insurance" },
        { "unknown category", Scenario.Claim(0m, 0m, ("snacks", 10m)), "lines[0].category" },
        { "no lines", new { lines = Array.Empty<object>() }, "lines" },
    };

    [Theory]
    [MemberData(nameof(BadClaims))]
    public async Task BadClaimIsRefusedWithTheFieldAndChangesNothing(string because, object claim, string field)
    {
        var scenario = new Scenario(fixture, "claim-" + string.Concat(because.Split(' ').Select(word => word[0])));
        var incidentId = await scenario.ConfirmedIncidentAsync();
        using var city = fixture.City(scenario.Id("up"));
        var before = await fixture.AllWritesAsync();

        var response = await city.PostAsJsonAsync($"/api/cost-sharing/incidents/{incidentId}/claims", claim);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, because);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{because}: expected an error for '{field}' in {problem}");
        Assert.Equal(before, await fixture.AllWritesAsync());
    }
}
