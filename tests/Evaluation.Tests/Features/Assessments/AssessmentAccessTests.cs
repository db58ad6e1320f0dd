using System.Net;
using Evaluation.Tests.Support;
using Platform.ServiceDefaults.Security;
using Xunit;

namespace Evaluation.Tests.Features.Assessments;

/// <summary>Who may assess whom, who sees which assessment, and bad scores refused whole.</summary>
public sealed class AssessmentAccessTests(EvaluationFixture evaluation) : IClassFixture<EvaluationFixture>
{
    [Fact]
    public async Task CityAssessingAnotherCityAndUnassignedEvaluatorAreForbidden()
    {
        var (scenario, cities) = await OpenAsync();
        var before = await evaluation.AllWritesAsync();
        using var city = evaluation.City(cities[0]);
        using var stranger = evaluation.Evaluator("not-on-the-panel");
        using var auditor = evaluation.As(PlatformRoles.Auditor);

        var other = await (await scenario.SubmitAsync(city, cities[1], RoundScenario.Uniform(90))).JsonAsync(HttpStatusCode.Forbidden);
        var unassigned = await (await scenario.SubmitAsync(stranger, cities[1], RoundScenario.Uniform(90))).JsonAsync(HttpStatusCode.Forbidden);

        Assert.Contains("only itself", other.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("not assigned", unassigned.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.SubmitAsync(auditor, cities[1], RoundScenario.Uniform(90))).StatusCode);
        Assert.Equal(before, await evaluation.AllWritesAsync());
    }

    [Fact]
    public async Task EvaluatorAssignedToSomeSubjectsAssessesOnlyThose()
    {
        var cities = await evaluation.NewCitiesAsync(4);
        var scenario = new RoundScenario(evaluation, cities);
        await scenario.OpenAsync();
        using var coordinator = evaluation.Coordinator();
        await (await coordinator.PutAsync($"/api/evaluation/rounds/{scenario.RoundId}/evaluators", System.Net.Http.Json.JsonContent.Create(new
        {
            evaluators = new[] { new { evaluatorId = "pku", subjects = new[] { cities[0] } } },
        }))).JsonAsync(HttpStatusCode.OK);
        using var pku = evaluation.Evaluator("pku");

        await (await scenario.SubmitAsync(pku, cities[0], RoundScenario.Uniform(70))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.SubmitAsync(pku, cities[1], RoundScenario.Uniform(70))).StatusCode);
        var round = await (await pku.GetAsync($"/api/evaluation/rounds/{scenario.RoundId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["pku"], round.GetProperty("evaluators").EnumerateArray().Select(e => e.GetProperty("evaluatorId").GetString()));
    }

    [Theory]
    [InlineData("out-of-range")]
    [InlineData("unknown-criterion")]
    [InlineData("missing-criterion")]
    [InlineData("not-a-number")]
    public async Task BadScoresAreRefusedClearlyAndNothingIsWritten(string defect)
    {
        var (scenario, cities) = await OpenAsync();
        var before = await evaluation.AllWritesAsync();
        var scores = RoundScenario.Uniform(80).ToDictionary(s => s.Key, s => (object)s.Value);
        var field = defect switch
        {
            "out-of-range" => Set(scores, "coordination", 101m, "scores.coordination"),
            "unknown-criterion" => Set(scores, "charisma", 50m, "scores.charisma"),
            "missing-criterion" => Remove(scores, "responsibility", "scores"),
            _ => Set(scores, "coordination", "high", "$.scores.coordination"),
        };
        using var city = evaluation.City(cities[0]);

        var response = await scenario.SubmitAsync(city, cities[0], scores);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(defect == "not-a-number" ? "coordination" : field, body, StringComparison.Ordinal);
        Assert.Equal(before, await evaluation.AllWritesAsync());
    }

    [Fact]
    public async Task AssessorsSeeOnlyTheirOwnDraftsAndEditThemUntilClosing()
    {
        var (scenario, cities) = await OpenAsync();
        using var a = evaluation.City(cities[0]);
        using var b = evaluation.City(cities[1]);
        using var evaluator = evaluation.Evaluator(scenario.Evaluators[0]);
        using var coordinator = evaluation.Coordinator();
        var mine = await (await scenario.SubmitAsync(a, cities[0], RoundScenario.Uniform(80))).JsonAsync(HttpStatusCode.Created);
        await (await scenario.SubmitAsync(b, cities[1], RoundScenario.Uniform(60))).JsonAsync(HttpStatusCode.Created);
        await (await scenario.SubmitAsync(evaluator, cities[0], RoundScenario.Uniform(75))).JsonAsync(HttpStatusCode.Created);
        var id = mine.GetProperty("id").GetGuid();

        var ownList = await (await a.GetAsync($"/api/evaluation/rounds/{scenario.RoundId}/assessments")).JsonAsync(HttpStatusCode.OK);
        var coordinatorList = await (await coordinator.GetAsync($"/api/evaluation/rounds/{scenario.RoundId}/assessments")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([cities[0]], ownList.EnumerateArray().Select(x => x.GetProperty("assessorId").GetString()));
        Assert.Empty(coordinatorList.EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/evaluation/rounds/{scenario.RoundId}/assessments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync($"/api/evaluation/rounds/{scenario.RoundId}/assessments/{id}")).StatusCode);

        var edited = await (await a.PutAsync($"/api/evaluation/rounds/{scenario.RoundId}/assessments/{id}",
            System.Net.Http.Json.JsonContent.Create(new { scores = RoundScenario.Uniform(85) }))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((85m, 2), (edited.GetProperty("scores").GetProperty("coordination").GetDecimal(), edited.GetProperty("revision").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await b.PutAsync($"/api/evaluation/rounds/{scenario.RoundId}/assessments/{id}",
            System.Net.Http.Json.JsonContent.Create(new { scores = RoundScenario.Uniform(10) }))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.SubmitAsync(a, cities[0], RoundScenario.Uniform(80))).StatusCode);

        await (await coordinator.PostAsync($"/api/evaluation/rounds/{scenario.RoundId}/close", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await a.PutAsync($"/api/evaluation/rounds/{scenario.RoundId}/assessments/{id}",
            System.Net.Http.Json.JsonContent.Create(new { scores = RoundScenario.Uniform(99) }))).StatusCode);
        var closedList = await (await coordinator.GetAsync($"/api/evaluation/rounds/{scenario.RoundId}/assessments")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, closedList.GetArrayLength());
    }

    [Fact]
    public async Task SameIdempotencyKeyReplaysTheAssessment()
    {
        var (scenario, cities) = await OpenAsync();
        using var city = evaluation.City(cities[0]);
        var body = new { subjectId = cities[0], scores = RoundScenario.Uniform(77) };

        var first = await (await city.PostAsync($"/api/evaluation/rounds/{scenario.RoundId}/assessments", body, "k-1")).JsonAsync(HttpStatusCode.Created);
        var replay = await city.PostAsync($"/api/evaluation/rounds/{scenario.RoundId}/assessments", body, "k-1");

        Assert.Equal(first.GetProperty("id").GetGuid(), (await replay.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        Assert.True(replay.Headers.Contains("Idempotency-Replayed"));
        var own = await (await city.GetAsync($"/api/evaluation/rounds/{scenario.RoundId}/assessments")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, own.GetArrayLength());
    }

    private async Task<(RoundScenario Scenario, string[] Cities)> OpenAsync()
    {
        var cities = await evaluation.NewCitiesAsync(4);
        var scenario = new RoundScenario(evaluation, cities);
        await scenario.OpenAsync();
        return (scenario, cities);
    }

    private static string Set(Dictionary<string, object> scores, string key, object value, string field)
    {
        scores[key] = value;
        return field;
    }

    private static string Remove(Dictionary<string, object> scores, string key, string field)
    {
        scores.Remove(key);
        return field;
    }
}
