using System.Net;
using System.Text.Json;

namespace Platform.DemoSeeder;

internal sealed partial class DemoStory
{
    /// <summary>
    /// The activity round evaluation opened when the incident's response closed (its id is the incident's): the coordinating
    /// body assigns the two third-party evaluators, the panel, the coordinating body and each city assess, and the round is
    /// closed and published; the fund pays the reward and charges the penalty the grades carry.
    /// </summary>
    public async Task EvaluationAsync(CancellationToken cancellationToken)
    {
        var coordinator = await Sessions.CoordinatorAsync(cancellationToken);
        var path = $"api/evaluation/rounds/{State.IncidentId}";
        var round = await Waiting.UntilAsync(() => gateway.FindAsync(path, coordinator, cancellationToken), "evaluation to open the incident's activity round", cancellationToken);
        State.RoundId = round.GetProperty("id").GetGuid();
        if (round.GetProperty("status").GetString() == "open")
        {
            if (round.GetProperty("evaluators").GetArrayLength() == 0)
            {
                round = await gateway.PutAsync($"{path}/evaluators", coordinator, new { evaluators = region.Clients.Evaluators.Select(e => new { e.EvaluatorId }) }, cancellationToken);
            }

            await AssessAsync(round, cancellationToken);
            await gateway.PostUnlessAsync(HttpStatusCode.Conflict, $"{path}/close", coordinator, null, null, cancellationToken);
            Step("evaluation round closed");
        }

        if (await gateway.FindAsync($"{path}/results", coordinator, cancellationToken) is not { } results || !results.GetProperty("published").GetBoolean())
        {
            var practice = region.Evaluation.GoodPractice;
            results = await gateway.PostAsync($"{path}/publish", coordinator, new { goodPractices = new[] { practice } }, Key("evaluation", State.RoundId.ToString("N"), "publish"), cancellationToken);
        }

        Step($"evaluation published (reliable: {results.GetProperty("reliability").GetProperty("reliable").GetBoolean()}): " + string.Join(", ",
            results.GetProperty("subjects").EnumerateArray().Select(s => $"{s.GetProperty("subjectId").GetString()} {s.GetProperty("composite").GetDecimal()} {s.GetProperty("grade").GetString()}")));
    }

    /// <summary>Every assessor scores its subjects the same on every criterion of the round; an assessment already made (409) is left as it is.</summary>
    private async Task AssessAsync(JsonElement round, CancellationToken cancellationToken)
    {
        var criteria = round.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        var subjects = round.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        var evaluation = region.Evaluation;
        for (var e = 0; e < region.Clients.Evaluators.Count; e++)
        {
            var token = await Sessions.EvaluatorAsync(e, cancellationToken);
            foreach (var subject in subjects.Where(evaluation.Panel.ContainsKey))
            {
                await SubmitAsync(token, region.Clients.Evaluators[e].ClientId, subject, evaluation.Panel[subject][e], criteria, cancellationToken);
            }
        }

        var coordinator = await Sessions.CoordinatorAsync(cancellationToken);
        foreach (var subject in subjects.Where(evaluation.Coordinator.ContainsKey))
        {
            await SubmitAsync(coordinator, region.Clients.Coordinators[0].ClientId, subject, evaluation.Coordinator[subject], criteria, cancellationToken);
        }

        foreach (var subject in subjects.Where(evaluation.Self.ContainsKey))
        {
            await SubmitAsync(await Sessions.CityAsync(subject, cancellationToken), subject, subject, evaluation.Self[subject], criteria, cancellationToken);
        }

        Step($"assessments by {region.Clients.Evaluators.Count} evaluators, the coordinating body and {evaluation.Self.Count} cities of {string.Join(", ", subjects)}");
    }

    private async Task SubmitAsync(string token, string assessor, string subject, decimal score, IReadOnlyList<string> criteria, CancellationToken cancellationToken) =>
        await gateway.PostUnlessAsync(HttpStatusCode.Conflict, $"api/evaluation/rounds/{State.RoundId}/assessments", token, new
        {
            subjectId = subject, scores = criteria.ToDictionary(c => c, _ => score), evidenceRefs = new[] { $"evaluation/{region.Incident.Key}/{subject}.pdf" },
        }, Key("assessment", State.RoundId.ToString("N"), assessor, subject), cancellationToken);
}
