using System.Net;
using Evaluation.Tests.Support;
using Xunit;

namespace Evaluation.Tests.Features.Rounds;

/// <summary>A round from opening to published results and the events the fund and trust-score consume.</summary>
public sealed class PublishRoundTests(EvaluationFixture evaluation) : IClassFixture<EvaluationFixture>
{
    [Fact]
    public async Task PublishedRoundCarriesCompositesGradesInflationAndMoneyOnce()
    {
        var cities = await evaluation.NewCitiesAsync(4);
        var scenario = new RoundScenario(evaluation, cities);
        await scenario.OpenAsync();
        await scenario.AssessAsync(RoundScenario.AgreeingPanel);

        var results = await scenario.CloseAndPublishAsync();

        var subjects = results.GetProperty("subjects").EnumerateArray().ToDictionary(s => s.GetProperty("subjectId").GetString()!);
        // 0.6·93 + 0.25·90 + 0.15·95 = 92.55; 0.6·85 + 0.25·80 + 0.15·88 = 84.2; 0.6·71 + 0.25·70 + 0.15·81 (95 capped) = 72.25;
        // 0.6·52 + 0.25·50 + 0.15·55 = 51.95; the coordinating body (no self group): (0.6·80 + 0.25·85)/0.85 = 81.47.
        Assert.Equal([92.55m, 84.2m, 72.25m, 51.95m], cities.Select(c => subjects[c].GetProperty("composite").GetDecimal()));
        Assert.Equal(["优", "良", "中", "差"], cities.Select(c => subjects[c].GetProperty("grade").GetString()));
        Assert.Equal(81.47m, subjects[RoundScenario.Body].GetProperty("composite").GetDecimal());
        Assert.Equal([1, 2, 4, 5], cities.Select(c => subjects[c].GetProperty("rank").GetInt32()));
        Assert.Equal([false, false, true, false], cities.Select(c => subjects[c].GetProperty("inflated").GetBoolean()));
        Assert.Equal(81m, subjects[cities[2]].GetProperty("inflation").GetProperty("countedSelfScore").GetDecimal());
        Assert.True(results.GetProperty("reliability").GetProperty("reliable").GetBoolean());
        Assert.True(results.GetProperty("reliability").GetProperty("alpha").GetDouble() > 0.9);
        Assert.Equal(1000m, subjects[cities[0]].GetProperty("reward").GetDecimal());
        Assert.Equal(300m, subjects[cities[3]].GetProperty("penalty").GetDecimal());
        Assert.Equal("Joint pumping teams", Assert.Single(results.GetProperty("goodPractices").EnumerateArray()).GetProperty("title").GetString());

        var published = Assert.Single(await evaluation.OutboxAsync("evaluation.round-published"));
        Assert.True(published.GetProperty("reliable").GetBoolean());
        var byCity = published.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("cityId").GetString()!);
        Assert.Equal(cities.Order(), byCity.Keys.Order());
        Assert.Equal((92.55m, "优", 1000m), (byCity[cities[0]].GetProperty("compositeScore").GetDecimal(), byCity[cities[0]].GetProperty("grade").GetString(), byCity[cities[0]].GetProperty("rewardAmount").GetDecimal()));
        Assert.Equal(300m, byCity[cities[3]].GetProperty("penaltyAmount").GetDecimal());
        var inflated = Assert.Single(await evaluation.OutboxAsync("evaluation.self-assessment-inflated"));
        Assert.Equal((cities[2], 95m, 71m, 24m, "capped"), (inflated.GetProperty("cityId").GetString(), inflated.GetProperty("selfScore").GetDecimal(),
            inflated.GetProperty("thirdPartyScore").GetDecimal(), inflated.GetProperty("gap").GetDecimal(), inflated.GetProperty("action").GetString() + "ped"));

        using var coordinator = evaluation.Coordinator();
        var twice = await (await coordinator.PostAsync($"/api/evaluation/rounds/{scenario.RoundId}/publish", null)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("Already published", twice.GetProperty("title").GetString());
        Assert.Single(await evaluation.OutboxAsync("evaluation.round-published"));

        using var otherCity = evaluation.City(cities[1]);
        var read = await (await otherCity.GetAsync($"/api/evaluation/rounds/{scenario.RoundId}/results")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(92.55m, read.GetProperty("subjects")[0].GetProperty("composite").GetDecimal());
    }

    [Fact]
    public async Task UnreliablePanelPublishesScoresButNoMoney()
    {
        var cities = await evaluation.NewCitiesAsync(4);
        var scenario = new RoundScenario(evaluation, cities);
        await scenario.OpenAsync();
        await scenario.AssessAsync(RoundScenario.DisagreeingPanel);

        var results = await scenario.CloseAndPublishAsync();

        Assert.False(results.GetProperty("reliability").GetProperty("reliable").GetBoolean());
        Assert.True(results.GetProperty("reliability").GetProperty("alpha").GetDouble() < 0.667);
        Assert.All(results.GetProperty("subjects").EnumerateArray(), s => Assert.Equal(System.Text.Json.JsonValueKind.Null, s.GetProperty("reward").ValueKind));
        var published = (await evaluation.OutboxAsync("evaluation.round-published")).Single(p => p.GetProperty("roundId").GetGuid() == scenario.RoundId);
        Assert.False(published.GetProperty("reliable").GetBoolean());
        Assert.All(published.GetProperty("results").EnumerateArray(), r =>
            Assert.True(r.GetProperty("rewardAmount").ValueKind == System.Text.Json.JsonValueKind.Null && r.GetProperty("penaltyAmount").ValueKind == System.Text.Json.JsonValueKind.Null));
    }

    [Fact]
    public async Task OpenRoundIsNeitherPublishedNorPreviewedAndAcceptsNoAssessmentOnceClosed()
    {
        var cities = await evaluation.NewCitiesAsync(4);
        var scenario = new RoundScenario(evaluation, cities);
        await scenario.OpenAsync();
        using var coordinator = evaluation.Coordinator();

        var early = await (await coordinator.PostAsync($"/api/evaluation/rounds/{scenario.RoundId}/publish", null)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/evaluation/rounds/{scenario.RoundId}/results")).StatusCode);
        await (await coordinator.PostAsync($"/api/evaluation/rounds/{scenario.RoundId}/close", null)).JsonAsync(HttpStatusCode.OK);
        using var city = evaluation.City(cities[0]);
        var late = await (await scenario.SubmitAsync(city, cities[0], RoundScenario.Uniform(80))).JsonAsync(HttpStatusCode.Conflict);
        var preview = await (await coordinator.GetAsync($"/api/evaluation/rounds/{scenario.RoundId}/results")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Wrong round state", early.GetProperty("title").GetString());
        Assert.Equal("Round closed", late.GetProperty("title").GetString());
        Assert.False(preview.GetProperty("published").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/api/evaluation/rounds/{scenario.RoundId}/results")).StatusCode);
    }

    [Fact]
    public async Task RoundWithBadWeightsOrUnknownMembersIsRefused()
    {
        using var coordinator = evaluation.Coordinator();

        var weights = await (await coordinator.PostAsync("/api/evaluation/rounds", new
        {
            kind = "participant", period = "2026", deadline = DateTimeOffset.UtcNow.AddDays(1), weights = new { thirdParty = 0.3, coordinator = 0.5, self = 0.2 },
        })).JsonAsync(HttpStatusCode.BadRequest);
        var unknown = await (await coordinator.PostAsync("/api/evaluation/rounds", new
        {
            kind = "participant", period = "2026-Q1", deadline = DateTimeOffset.UtcNow.AddDays(1), subjects = new[] { "atlantis" },
        })).JsonAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("weigh more", weights.GetProperty("errors").GetProperty("weights")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("atlantis", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
