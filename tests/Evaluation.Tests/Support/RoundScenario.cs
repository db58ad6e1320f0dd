using System.Net;
using Xunit;

namespace Evaluation.Tests.Support;

/// <summary>
/// A participant round of four cities and the coordinating body, scored by three evaluators, the coordinating body and
/// each city itself, with uniform scores per sheet so every composite can be checked by hand (participant template).
/// </summary>
public sealed class RoundScenario(EvaluationFixture evaluation, string[] cities)
{
    public const string Body = "coordinating-body";

    public string[] Evaluators { get; } = [.. Enumerable.Range(1, 3).Select(i => $"e{i}-{Guid.NewGuid():N}"[..12])];

    public Guid RoundId { get; private set; }

    public static readonly string[] Criteria = ["coordination", "cooperation-prevention", "cooperation-response", "cooperation-recovery", "cost-input", "effectiveness", "responsibility"];

    /// <summary>Panel scores per subject (one per evaluator), agreeing closely: α ≈ 1.</summary>
    public static readonly decimal[][] AgreeingPanel = [[92, 94, 93], [85, 84, 86], [70, 71, 72], [50, 52, 54], [80, 80, 80]];

    /// <summary>Panel scores that contradict each other subject by subject: α far below 0.667.</summary>
    public static readonly decimal[][] DisagreeingPanel = [[95, 40, 60], [40, 95, 70], [60, 70, 95], [95, 60, 40], [70, 95, 40]];

    public static readonly decimal[] CoordinatorScores = [90, 80, 70, 50, 85];

    /// <summary>The third city rates itself 95 against the panel's 71: inflated by 24, capped at 81.</summary>
    public static readonly decimal[] SelfScores = [95, 88, 95, 55];

    public static Dictionary<string, decimal> Uniform(decimal score) => Criteria.ToDictionary(c => c, _ => score);

    public string[] Subjects => [.. cities, Body];

    public async Task OpenAsync()
    {
        using var coordinator = evaluation.Coordinator();
        var round = await (await coordinator.PostAsync("/api/evaluation/rounds", new
        {
            kind = "participant", period = "2026-H1", subjects = cities, deadline = DateTimeOffset.UtcNow.AddDays(7),
            evaluators = Evaluators.Select(e => new { evaluatorId = e }),
            incentives = new Dictionary<string, object> { ["优"] = new { reward = 1000m }, ["差"] = new { penalty = 300m } },
        }, idempotencyKey: Guid.NewGuid().ToString())).JsonAsync(HttpStatusCode.Created);
        RoundId = round.GetProperty("id").GetGuid();
    }

    public async Task AssessAsync(decimal[][] panel)
    {
        for (var e = 0; e < Evaluators.Length; e++)
        {
            using var evaluator = evaluation.Evaluator(Evaluators[e]);
            for (var s = 0; s < Subjects.Length; s++)
            {
                await Submit(evaluator, Subjects[s], panel[s][e]);
            }
        }

        using var coordinator = evaluation.Coordinator();
        for (var s = 0; s < Subjects.Length; s++)
        {
            await Submit(coordinator, Subjects[s], CoordinatorScores[s]);
        }

        for (var c = 0; c < cities.Length; c++)
        {
            using var city = evaluation.City(cities[c]);
            await Submit(city, cities[c], SelfScores[c]);
        }
    }

    public async Task<System.Text.Json.JsonElement> CloseAndPublishAsync()
    {
        using var coordinator = evaluation.Coordinator();
        await (await coordinator.PostAsync($"/api/evaluation/rounds/{RoundId}/close", null)).JsonAsync(HttpStatusCode.OK);
        return await (await coordinator.PostAsync($"/api/evaluation/rounds/{RoundId}/publish", new
        {
            goodPractices = new[] { new { subjectId = cities[0], title = "Joint pumping teams", summary = "Shared teams along the river cut response time by half." } },
        }, idempotencyKey: Guid.NewGuid().ToString())).JsonAsync(HttpStatusCode.OK);
    }

    public Task<HttpResponseMessage> SubmitAsync(HttpClient client, string subject, object scores) =>
        client.PostAsync($"/api/evaluation/rounds/{RoundId}/assessments", new { subjectId = subject, scores, evidenceRefs = new[] { "report.pdf" } });

    private async Task Submit(HttpClient client, string subject, decimal score) =>
        await (await SubmitAsync(client, subject, Uniform(score))).JsonAsync(HttpStatusCode.Created);
}
