using System.Net;
using Evaluation.Tests.Support;
using Platform.Contracts.CostSharing;
using Platform.Testing;
using Xunit;

namespace Evaluation.Tests.Integration;

/// <summary>Cost-sharing closing an incident's response opens its activity round; its allocation gives the cost input.</summary>
public sealed class IncidentClosedTests(EvaluationFixture evaluation) : IClassFixture<EvaluationFixture>
{
    [Fact]
    public async Task ClosedResponseOpensOneActivityRoundWithTheIncidentsCitiesAndCostInput()
    {
        var cities = await evaluation.NewCitiesAsync(2);
        var incident = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await evaluation.PublishAsync(incident.ToString(), new IncidentOpened(
            incident, "agreement", 1, "natural-disaster", "exposure-spread", "Flood", [new(cities[0], "origin", 1m), new(cities[1], "affected", 1m)],
            now.AddDays(-3), new Dictionary<string, DateTimeOffset>()));
        await evaluation.PublishAsync(incident.ToString(), new IncidentClosed(incident, now.AddDays(-1), now.AddDays(29)));
        await evaluation.PublishAsync(incident.ToString(), new IncidentClosed(incident, now.AddDays(-1), now.AddDays(29)));
        await evaluation.PublishAsync(incident.ToString(), new AllocationFinalized(
            Guid.NewGuid(), incident, "agreement", 1, "natural-disaster", "origin-primary", "CNY", 100m,
            [new(cities[0], "origin", 60m, 30m, 30m), new(cities[1], "affected", 40m, 70m, -30m)], [], null, now));
        using var coordinator = evaluation.Coordinator();

        var round = await Eventually.Until(
            async () => await coordinator.GetAsync($"/api/evaluation/rounds/{incident}"), r => r.StatusCode == HttpStatusCode.OK, because: "the activity round to open");
        var body = await round.JsonAsync(HttpStatusCode.OK);

        Assert.Equal(("activity", "incident-closed", "activity"), (body.GetProperty("kind").GetString(), body.GetProperty("openedBy").GetString(), body.GetProperty("frameworkId").GetString()));
        Assert.Equal([.. cities, "coordinating-body"], body.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(8, body.GetProperty("criteria").GetArrayLength());
        Assert.Equal(1, await evaluation.CountAsync($"select count(*) from evaluation.mt_doc_evaluationround where id = '{incident}'"));

        var duplicate = await coordinator.PostAsync("/api/evaluation/rounds", new { kind = "activity", incidentId = incident, deadline = now.AddDays(5) });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        await (await coordinator.PostAsync($"/api/evaluation/rounds/{incident}/close", null)).JsonAsync(HttpStatusCode.OK);
        var preview = await Eventually.Until(
            async () => await (await coordinator.GetAsync($"/api/evaluation/rounds/{incident}/results")).JsonAsync(HttpStatusCode.OK),
            p => p.GetProperty("subjects").EnumerateArray().Single(s => s.GetProperty("subjectId").GetString() == cities[1]).GetProperty("costInput").ValueKind == System.Text.Json.JsonValueKind.Number,
            because: "the allocation's cost input");
        Assert.Equal(70m, preview.GetProperty("subjects").EnumerateArray().Single(s => s.GetProperty("subjectId").GetString() == cities[1]).GetProperty("costInput").GetDecimal());
    }
}
