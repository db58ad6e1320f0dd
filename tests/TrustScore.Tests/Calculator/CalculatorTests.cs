using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.ServiceDefaults.Security;
using TrustScore.Tests.Support;

namespace TrustScore.Tests.Calculator;

/// <summary><c>POST /api/trust/calculator</c>: the domain's recursion for anyone, nothing stored.</summary>
public sealed class CalculatorTests(TrustFixture fixture) : IClassFixture<TrustFixture>
{
    [Fact]
    public async Task TheDomainsDecayedEightOutcomeSequenceGivesItsFigures()
    {
        using var auditor = fixture.As(PlatformRoles.Auditor);
        var outcomes = new[] { 1, 1, 1, 0, 1, 1, 0, 0 }.Select(f => new { weight = 1, fulfilment = f });

        var response = await auditor.PostAsJsonAsync("/api/trust/calculator", new { forgetting = 0.9, outcomes });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3.139, body.GetProperty("r").GetDouble(), 0.0005);
        Assert.Equal(2.556, body.GetProperty("s").GetDouble(), 0.0005);
        Assert.Equal(0.538, body.GetProperty("score").GetDouble(), 0.0005);
        Assert.Equal(0.2598, body.GetProperty("uncertainty").GetDouble(), 0.0005);
        Assert.Equal("C", body.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task EightKeptAndTwoBrokenScoreThreeQuartersForACity()
    {
        using var city = fixture.City("hangzhou");
        var outcomes = Enumerable.Repeat(new { weight = 1.0, fulfilment = 1.0 }, 8).Concat(Enumerable.Repeat(new { weight = 1.0, fulfilment = 0.0 }, 2));

        var body = await (await city.PostAsJsonAsync("/api/trust/calculator", new { forgetting = 1, outcomes })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((8.0, 2.0, 0.75, "B", 750), (body.GetProperty("r").GetDouble(), body.GetProperty("s").GetDouble(), body.GetProperty("score").GetDouble(),
            body.GetProperty("tier").GetString(), body.GetProperty("display").GetInt32()));
    }

    [Fact]
    public async Task NoOutcomesIsTheNeutralPriorAtTierM()
    {
        using var finance = fixture.As(PlatformRoles.Finance);

        var body = await (await finance.PostAsJsonAsync("/api/trust/calculator", new { outcomes = Array.Empty<object>() })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((0.5, 1.0, "M"), (body.GetProperty("score").GetDouble(), body.GetProperty("uncertainty").GetDouble(), body.GetProperty("tier").GetString()));
    }

    [Theory]
    [InlineData("""{"forgetting":1.5,"outcomes":[]}""", "forgetting")]
    [InlineData("""{"forgetting":0.9}""", "outcomes")]
    [InlineData("""{"forgetting":0.9,"outcomes":[{"weight":1,"fulfilment":2}]}""", "outcomes[0].fulfilment")]
    [InlineData("""{"forgetting":0.9,"outcomes":[{"weight":-1,"fulfilment":1}]}""", "outcomes[0].weight")]
    [InlineData("""{"forgetting":0.9,"outcomes":[null]}""", "outcomes[0].weight")]
    public async Task BadInputIsRefusedWithTheFieldAtFault(string json, string field)
    {
        using var coordinator = fixture.Coordinator();

        var response = await coordinator.PostAsync("/api/trust/calculator", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
