using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CostSharing.Tests.Incidents;

/// <summary>Bad input gets a 4xx problem with the reason and changes nothing (docs/architecture.md §5).</summary>
public sealed class BadIncidentInputTests(CostSharingFixture fixture) : IClassFixture<CostSharingFixture>
{
    [Fact]
    public async Task UnknownCitiesAreNamedAndNothingIsOpened()
    {
        var scenario = await AgreementAsync("unknown");
        var before = await fixture.AllWritesAsync();

        var response = await scenario.Coordinator.PostAsJsonAsync("/api/cost-sharing/incidents", scenario.IncidentBody(scenario.Id("agreement"), DateTimeOffset.UtcNow.AddDays(-1),
            Scenario.Origin(scenario.Id("up"), 1m, DateTimeOffset.UtcNow.AddDays(-1)), Scenario.Affected("atlantis", 5)));

        await Scenario.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "atlantis");
        Assert.Equal(before, await fixture.AllWritesAsync());
    }

    [Fact]
    public async Task OriginWeightsSummingToZeroAreBadInput()
    {
        var scenario = await AgreementAsync("zero-origin");
        var before = await fixture.AllWritesAsync();

        var response = await scenario.Coordinator.PostAsJsonAsync("/api/cost-sharing/incidents", scenario.IncidentBody(scenario.Id("agreement"), DateTimeOffset.UtcNow.AddDays(-1),
            Scenario.Origin(scenario.Id("up"), 0m, DateTimeOffset.UtcNow.AddDays(-1)), Scenario.Affected(scenario.Id("down"), 5)));

        await Scenario.AssertProblemAsync(response, HttpStatusCode.BadRequest, "sum to zero");
        Assert.Equal(before, await fixture.AllWritesAsync());
    }

    [Fact]
    public async Task AffectedKeySummingToZeroIsRefusedByTheRule()
    {
        var scenario = await AgreementAsync("zero-key");
        var before = await fixture.AllWritesAsync();

        var response = await scenario.Coordinator.PostAsJsonAsync("/api/cost-sharing/incidents", scenario.IncidentBody(scenario.Id("agreement"), DateTimeOffset.UtcNow.AddDays(-1),
            Scenario.Origin(scenario.Id("up"), 1m, DateTimeOffset.UtcNow.AddDays(-1)), Scenario.Affected(scenario.Id("down"), 0)));

        await Scenario.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "population-exposeds of the affected cities sum to zero");
        Assert.Equal(before, await fixture.AllWritesAsync());
    }

    [Theory]
    [InlineData("""{"rule":{"rule":"origin-primary","originShare":0.3},"netEligibleCost":10,"participants":[{"cityId":"aa","side":"origin","contributionWeight":1}]}""", "rule.originShare")]
    [InlineData("""{"rule":{"rule":"proportional","key":"equal"},"netEligibleCost":10.001,"participants":[{"cityId":"aa","side":"origin"}]}""", "netEligibleCost")]
    [InlineData("""{"rule":{"rule":"proportional","key":"equal"},"netEligibleCost":-1,"participants":[{"cityId":"aa","side":"origin"}]}""", "netEligibleCost")]
    [InlineData("""{"rule":{"rule":"shapley"},"netEligibleCost":10,"participants":[{"cityId":"aa","side":"origin","standAloneCost":1.111}]}""", "participants[0].standAloneCost")]
    [InlineData("""{"rule":{"rule":"magic"},"netEligibleCost":10,"participants":[{"cityId":"aa","side":"sideways"}]}""", "participants[0].side")]
    public async Task CalculatorRefusesBadInputWithTheField(string body, string field)
    {
        using var client = fixture.As("evaluator");

        var response = await client.PostAsync("/api/cost-sharing/allocations/calculate", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for '{field}' in {problem}");
    }

    private async Task<Scenario> AgreementAsync(string prefix)
    {
        var scenario = new Scenario(fixture, prefix);
        await scenario.RegisterAsync("up", "down");
        await scenario.AgreementAsync(Scenario.OriginPrimary(0.7m, "population-exposed"), ["up", "down"]);
        return scenario;
    }
}
