using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.ServiceDefaults.Security;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEndTests.Flows;

/// <summary>
/// Evaluation end to end through the gateway: a participant round scored by three third-party evaluators, the
/// coordinating body and four self-assessments is published; the fund pays the reward and charges the penalty it
/// carries, traced in the cities' statements; an unreliable round moves no money. Evaluators and cities beyond the demo
/// clients present tokens signed with the platform's test key, as the gateway would issue them.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EvaluationRoundTests(PlatformFixture platform)
{
    private static readonly string[] Criteria = ["coordination", "cooperation-prevention", "cooperation-response", "cooperation-recovery", "cost-input", "effectiveness", "responsibility"];

    [Fact]
    public async Task PublishedRoundPaysTheRewardAndChargesThePenaltyAndAnUnreliableRoundMovesNoMoney()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        string[] cities = [.. "abcd".Select(c => $"ev{c}-{suffix}")];
        string[] evaluators = [.. Enumerable.Range(1, 3).Select(i => $"panel{i}-{suffix}")];
        using var coordinator = await platform.ClientAsync("coordinator");
        using var finance = await platform.ClientAsync("finance");
        await JoinAsync(coordinator, cities);
        await Created(finance.PostIdempotentAsync("/api/fund/third-party-deposits", new { donor = "Provincial incentive fund", amount = 10_000m, purpose = "general" }));

        // An unreliable round first: the panel contradicts itself, so its grades carry no money.
        var unreliable = await OpenAsync(coordinator, cities, evaluators);
        await AssessAsync(unreliable, cities, evaluators, [[95, 40, 60], [40, 95, 70], [60, 70, 95], [95, 60, 40], [70, 95, 40]]);
        var unreliableResults = await CloseAndPublishAsync(coordinator, unreliable);
        Assert.False(unreliableResults.GetProperty("reliability").GetProperty("reliable").GetBoolean());

        var round = await OpenAsync(coordinator, cities, evaluators);
        await RefusalsChangeNothingAsync(round, cities, evaluators);
        await AssessAsync(round, cities, evaluators, [[92, 94, 93], [85, 84, 86], [70, 71, 72], [50, 52, 54], [80, 80, 80]]);
        var results = await CloseAndPublishAsync(coordinator, round);

        var subjects = results.GetProperty("subjects").EnumerateArray().ToDictionary(s => s.GetProperty("subjectId").GetString()!);
        Assert.True(results.GetProperty("reliability").GetProperty("reliable").GetBoolean());
        Assert.Equal([92.55m, 84.2m, 72.25m, 51.95m], cities.Select(c => subjects[c].GetProperty("composite").GetDecimal()));
        Assert.Equal(["优", "良", "中", "差"], cities.Select(c => subjects[c].GetProperty("grade").GetString()));
        Assert.Equal([false, false, true, false], cities.Select(c => subjects[c].GetProperty("inflated").GetBoolean()));
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsync($"/api/evaluation/rounds/{round}/publish", null)).StatusCode);

        // The fund applies the reliable round: the reward is paid out to the excellent city, the penalty charged to the poor one.
        var rewarded = await Eventually.Until(() => PostingsAsync(coordinator, cities[0], round), p => p.Count > 0, because: "the fund to pay the reward");
        var penalised = await Eventually.Until(() => PostingsAsync(coordinator, cities[3], round), p => p.Count > 0, because: "the fund to charge the penalty");
        Assert.All(rewarded, p => Assert.Equal("reward", p.GetProperty("why").GetProperty("kind").GetString()));
        Assert.Contains(rewarded, p => p.GetProperty("credit").GetDecimal() == 1000m);
        Assert.Contains(penalised, p => p.GetProperty("debit").GetDecimal() == 300m && p.GetProperty("why").GetProperty("kind").GetString() == "evaluation-penalty");
        Assert.Empty(await PostingsAsync(coordinator, cities[1], round));

        // Both rounds reached the fund on the same topic before the reliable one's postings; the unreliable one posted nothing.
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var city in cities)
        {
            Assert.Empty(await PostingsAsync(coordinator, city, unreliable));
        }

        using var cityB = Client(TestTokens.City(cities[1]));
        var published = await Json(cityB.GetAsync($"/api/evaluation/members/{cities[0]}/results"), HttpStatusCode.OK);
        Assert.Contains(published.EnumerateArray(), r => r.GetProperty("roundId").GetGuid() == round && r.GetProperty("grade").GetString() == "优");
    }

    /// <summary>A city assessing another, an unassigned evaluator, an auditor and bad scores are refused, and nothing is written.</summary>
    private async Task RefusalsChangeNothingAsync(Guid round, string[] cities, string[] evaluators)
    {
        using var cityA = Client(TestTokens.City(cities[0]));
        using var stranger = Client(TestTokens.For(PlatformRoles.Evaluator, evaluatorId: "not-on-the-panel"));
        using var evaluator = Client(TestTokens.For(PlatformRoles.Evaluator, evaluatorId: evaluators[0]));
        var outOfRange = Scores(80);
        outOfRange["coordination"] = 120;
        var unknown = Scores(80);
        unknown["charisma"] = 50;

        Assert.Equal(HttpStatusCode.Forbidden, (await SubmitAsync(cityA, round, cities[1], Scores(99))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SubmitAsync(stranger, round, cities[1], Scores(99))).StatusCode);
        var badRange = await Json(SubmitAsync(evaluator, round, cities[1], outOfRange), HttpStatusCode.BadRequest);
        var badCriterion = await Json(SubmitAsync(evaluator, round, cities[1], unknown), HttpStatusCode.BadRequest);
        Assert.True(badRange.GetProperty("errors").TryGetProperty("scores.coordination", out _));
        Assert.True(badCriterion.GetProperty("errors").TryGetProperty("scores.charisma", out _));
        Assert.Empty((await Json(evaluator.GetAsync($"/api/evaluation/rounds/{round}/assessments"), HttpStatusCode.OK)).EnumerateArray());
    }

    private static async Task<Guid> OpenAsync(HttpClient coordinator, string[] cities, string[] evaluators)
    {
        var round = await Created(coordinator.PostAsJsonAsync("/api/evaluation/rounds", new
        {
            kind = "participant", period = "2026-H2", subjects = cities, deadline = DateTimeOffset.UtcNow.AddDays(7),
            evaluators = evaluators.Select(e => new { evaluatorId = e }),
            incentives = new Dictionary<string, object> { ["优"] = new { reward = 1000m }, ["差"] = new { penalty = 300m } },
        }));
        return round.GetProperty("id").GetGuid();
    }

    private async Task AssessAsync(Guid round, string[] cities, string[] evaluators, decimal[][] panel)
    {
        string[] subjects = [.. cities, "coordinating-body"];
        for (var e = 0; e < evaluators.Length; e++)
        {
            using var evaluator = Client(TestTokens.For(PlatformRoles.Evaluator, evaluatorId: evaluators[e]));
            for (var s = 0; s < subjects.Length; s++)
            {
                await Json(SubmitAsync(evaluator, round, subjects[s], Scores(panel[s][e])), HttpStatusCode.Created);
            }
        }

        using var coordinator = Client(TestTokens.Coordinator());
        decimal[] coordinatorScores = [90, 80, 70, 50, 85];
        for (var s = 0; s < subjects.Length; s++)
        {
            await Json(SubmitAsync(coordinator, round, subjects[s], Scores(coordinatorScores[s])), HttpStatusCode.Created);
        }

        decimal[] selfScores = [95, 88, 95, 55];
        for (var c = 0; c < cities.Length; c++)
        {
            using var city = Client(TestTokens.City(cities[c]));
            await Json(SubmitAsync(city, round, cities[c], Scores(selfScores[c])), HttpStatusCode.Created);
        }
    }

    private static async Task<JsonElement> CloseAndPublishAsync(HttpClient coordinator, Guid round)
    {
        await Json(coordinator.PostAsync($"/api/evaluation/rounds/{round}/close", null), HttpStatusCode.OK);
        return await Json(coordinator.PostIdempotentAsync($"/api/evaluation/rounds/{round}/publish", new { goodPractices = Array.Empty<object>() }), HttpStatusCode.OK);
    }

    private static async Task JoinAsync(HttpClient coordinator, string[] cities)
    {
        foreach (var city in cities)
        {
            await Created(coordinator.PostAsJsonAsync("/api/cost-sharing/members", new
            {
                cityId = city, name = city, province = "安徽省", population = 1_000_000, gdpCny = 1m, contact = new { name = "x", email = $"x@{city}.gov.cn" },
            }));
        }

        foreach (var city in cities)
        {
            await Eventually.Until(async () => (await coordinator.GetAsync($"/api/evaluation/members/{city}")).StatusCode == HttpStatusCode.OK, because: $"evaluation to know {city}");
            await Eventually.Until(async () => (await coordinator.GetAsync($"/api/fund/members/{city}/accounts")).StatusCode == HttpStatusCode.OK, because: $"the fund to open {city}'s accounts");
        }
    }

    /// <summary>The lines of a city's statement posted because of <paramref name="round"/>.</summary>
    private static async Task<List<JsonElement>> PostingsAsync(HttpClient reader, string city, Guid round)
    {
        var statement = await Json(reader.GetAsync($"/api/fund/members/{city}/statement"), HttpStatusCode.OK);
        return [.. statement.GetProperty("accounts").EnumerateArray()
            .SelectMany(a => a.GetProperty("lines").EnumerateArray())
            .Where(l => l.GetProperty("why").TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Object
                && inputs.TryGetProperty("roundId", out var id) && id.GetString() == round.ToString())];
    }

    private static Dictionary<string, decimal> Scores(decimal score) => Criteria.ToDictionary(c => c, _ => score);

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid round, string subject, Dictionary<string, decimal> scores) =>
        client.PostAsJsonAsync($"/api/evaluation/rounds/{round}/assessments", new { subjectId = subject, scores, evidenceRefs = new[] { "minutes/2026-06.pdf" } });

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Task<JsonElement> Created(Task<HttpResponseMessage> call) => Json(call, HttpStatusCode.Created);

    private static async Task<JsonElement> Json(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
