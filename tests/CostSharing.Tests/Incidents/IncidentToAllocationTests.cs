using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;
using Xunit;

namespace CostSharing.Tests.Incidents;

/// <summary>One incident from report to finalized allocation, with claims from three cities (domain.md §4.2).</summary>
public sealed class IncidentToAllocationTests(CostSharingFixture fixture) : IClassFixture<CostSharingFixture>
{
    [Fact]
    public async Task FloodGoesFromReportToFinalizedAllocationAndIsPublished()
    {
        var now = DateTimeOffset.UtcNow;
        var scenario = new Scenario(fixture, "flow");
        var incidentId = await scenario.DecidedFloodAsync(now);

        var allocation = await scenario.FinalizeAsync(incidentId);

        // Net eligible 600,000.01 = 350,000 (400,000 less 50,000 insurance) + 150,000 (part) + 100,000.01; α = 0.6:
        // origin 360,000.006 → 360,000.01 (side totals rounded first); affected 240,000 by population 2:1.
        Assert.Equal(600_000.01m, allocation.GetProperty("netEligibleCost").GetDecimal());
        var lines = allocation.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("cityId").GetString()!);
        Assert.Equal((360_000.01m, 350_000m, 10_000.01m), Amounts(lines[scenario.Id("up")]));
        Assert.Equal((160_000m, 150_000m, 10_000m), Amounts(lines[scenario.Id("mid")]));
        Assert.Equal((80_000m, 100_000.01m, -20_000.01m), Amounts(lines[scenario.Id("down")]));
        Assert.Equal((0m, 0m, 0m), Amounts(lines[scenario.Id("far")]));

        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(15).ToString("O");
        var instructions = allocation.GetProperty("instructions").EnumerateArray()
            .Select(i => (i.GetProperty("cityId").GetString(), i.GetProperty("direction").GetString(), i.GetProperty("amount").GetDecimal(), i.GetProperty("dueDate").GetString()))
            .ToList();
        Assert.Equal(
            [(scenario.Id("down"), "pay-out", 20_000.01m, due), (scenario.Id("mid"), "pay-in", 10_000m, due), (scenario.Id("up"), "pay-in", 10_000.01m, due)],
            instructions);

        var explanation = allocation.GetProperty("explanation");
        Assert.Equal(1, explanation.GetProperty("agreementVersion").GetInt32());
        Assert.Equal("origin-primary α=0.6 key=population-exposed cap=none", explanation.GetProperty("rule").GetString());
        Assert.Equal(["sides", "origin side", "affected side"], explanation.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Contains(explanation.GetProperty("rounding").GetProperty("groups").EnumerateArray(), g => g.GetProperty("exactFen").GetString() == "180000003/5");

        var incident = await scenario.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cost-sharing/incidents/{incidentId}");
        Assert.Equal("allocated", incident.GetProperty("status").GetString());
        Assert.True(incident.GetProperty("reporting")[0].GetProperty("late").GetBoolean(), "reported 3 h after the event against a 2 h duty");

        var published = await PublishedForAsync(incidentId);
        Assert.Equal(
            ["cost-sharing.incident-opened", "cost-sharing.origin-report-recorded", "cost-sharing.incident-confirmed", "cost-sharing.incident-closed",
             "cost-sharing.claim-approved", "cost-sharing.claim-approved", "cost-sharing.claim-approved", "cost-sharing.allocation-finalized"],
            published.Select(p => p.Type));
        var originReport = published[1].Body;
        Assert.Equal(scenario.Id("up"), originReport.GetProperty("cityId").GetString());
        Assert.False(originReport.GetProperty("onTime").GetBoolean(), "reported 3 h after the event against a 2 h duty");
        Assert.Equal(
            originReport.GetProperty("occurredAt").GetDateTimeOffset().AddHours(2), originReport.GetProperty("dueAt").GetDateTimeOffset());
        var finalized = published[^1].Body;
        Assert.Equal(allocation.GetProperty("id").GetGuid(), finalized.GetProperty("allocationId").GetGuid());
        Assert.Equal(4, finalized.GetProperty("shares").GetArrayLength());
        Assert.Equal(3, finalized.GetProperty("instructions").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, finalized.GetProperty("supersedes").ValueKind);
    }

    [Fact]
    public async Task AnyoneWhoSeesTheIncidentCanPreviewAndTheCalculatorIsOpenToEveryRole()
    {
        var now = DateTimeOffset.UtcNow;
        var scenario = new Scenario(fixture, "peek");
        var incidentId = await scenario.DecidedFloodAsync(now);
        using var city = fixture.City(scenario.Id("down"));
        using var auditor = fixture.As("auditor");

        var preview = await city.GetFromJsonAsync<JsonElement>($"/api/cost-sharing/incidents/{incidentId}/allocation-preview");
        var calculated = await auditor.PostAsJsonAsync("/api/cost-sharing/allocations/calculate", new
        {
            rule = new { rule = "proportional", key = "equal" },
            netEligibleCost = 100m,
            participants = new[] { new { cityId = "city-c", side = "affected" }, new { cityId = "city-a", side = "affected" }, new { cityId = "city-b", side = "origin" } },
        });

        Assert.Equal(600_000.01m, preview.GetProperty("netEligibleCost").GetDecimal());
        Assert.Equal(0, preview.GetProperty("pendingClaims").GetInt32());
        Assert.True(calculated.StatusCode == HttpStatusCode.OK, await calculated.Content.ReadAsStringAsync());
        var shares = (await calculated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("cityId").GetString(), l.GetProperty("fairShare").GetDecimal()));
        Assert.Equal([("city-a", 33.34m), ("city-b", 33.33m), ("city-c", 33.33m)], shares);
    }

    private static (decimal, decimal, decimal) Amounts(JsonElement line) =>
        (line.GetProperty("fairShare").GetDecimal(), line.GetProperty("approvedSpend").GetDecimal(), line.GetProperty("netPosition").GetDecimal());

    private async Task<List<(string Type, JsonElement Body)>> PublishedForAsync(Guid incidentId)
    {
        var topic = $"{fixture.Service.TopicNamespace}.{Topics.CostSharing}";
        var messages = await Eventually.Until(
            () => Task.FromResult(TopicReader.ReadAll(fixture.Infrastructure.Broker.BootstrapServers, topic, TimeSpan.FromSeconds(1))
                .Where(m => m.Message.Key == incidentId.ToString()).ToList()),
            m => m.Any(x => Type(x.Message.Headers) == "cost-sharing.allocation-finalized"),
            because: "the allocation to be published");
        return messages.OrderBy(m => m.Offset.Value)
            .Select(m => (Type(m.Message.Headers), JsonSerializer.Deserialize<JsonElement>(m.Message.Value)))
            .ToList();
    }

    private static string Type(Confluent.Kafka.Headers headers) => Encoding.UTF8.GetString(headers.GetLastBytes("message-type"));
}
