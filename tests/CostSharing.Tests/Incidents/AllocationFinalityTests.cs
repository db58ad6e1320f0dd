using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;
using Xunit;

namespace CostSharing.Tests.Incidents;

/// <summary>Late claims, finalizing twice, and corrections that publish only the differences (docs/cost-sharing.md, Lifecycle).</summary>
public sealed class AllocationFinalityTests(CostSharingFixture fixture) : IClassFixture<CostSharingFixture>
{
    [Fact]
    public async Task LateClaimIsRefusedWithTheDeadlineAndChangesNothing()
    {
        var now = DateTimeOffset.UtcNow;
        var scenario = new Scenario(fixture, "late");
        await scenario.RegisterAsync("up", "down");
        var agreement = await scenario.AgreementAsync(Scenario.OriginPrimary(0.5m, "equal"), ["up", "down"], claimDeadlineDays: 30);
        var incidentId = await scenario.OpenAsync(scenario.IncidentBody(agreement, now.AddDays(-60), Scenario.Origin(scenario.Id("up"), 1m, now.AddDays(-60)), Scenario.Affected(scenario.Id("down"), 1)));
        await scenario.ConfirmAndCloseAsync(incidentId, now.AddDays(-40));
        using var down = fixture.City(scenario.Id("down"));
        var before = await fixture.AllWritesAsync();

        var response = await down.PostAsJsonAsync($"/api/cost-sharing/incidents/{incidentId}/claims", Scenario.Claim(0m, 0m, ("evacuation", 1_000m)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Claim deadline passed", problem.GetProperty("title").GetString());
        Assert.Contains("passed at", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await fixture.AllWritesAsync());
    }

    [Fact]
    public async Task FinalizingTwiceIsRefusedButTheSameKeyReplaysTheFirstAnswer()
    {
        var scenario = new Scenario(fixture, "twice");
        var incidentId = await scenario.DecidedFloodAsync(DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Coordinator.PostAsync($"/api/cost-sharing/incidents/{incidentId}/finalize-costs", null)).StatusCode);

        var first = await FinalizeAsync(scenario, incidentId, "finalize-twice-1");
        var before = await fixture.AllWritesAsync();
        var replay = await FinalizeAsync(scenario, incidentId, "finalize-twice-1");
        var second = await FinalizeAsync(scenario, incidentId, "finalize-twice-2");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Allocation already finalized", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(before, await fixture.AllWritesAsync());
    }

    [Fact]
    public async Task CorrectionSupersedesAndPublishesOnlyTheDifferences()
    {
        var scenario = new Scenario(fixture, "fix");
        var incidentId = await scenario.DecidedFloodAsync(DateTimeOffset.UtcNow);
        var original = await scenario.FinalizeAsync(incidentId);

        // An audit finds the whole evacuation was mission-related: mid's claim is approved in full (+50,000).
        await scenario.DecideAsync(scenario.MidClaim, new { outcome = "approve", reason = "Audit: both villages were in the flood zone." }, "revision");
        var response = await scenario.Coordinator.PostAsJsonAsync($"/api/cost-sharing/incidents/{incidentId}/allocations/corrections", new { reason = "Revised evacuation claim" });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var correction = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(original.GetProperty("id").GetGuid(), correction.GetProperty("supersedes").GetGuid());
        // 650,000.01: up 390,000.01 (+30,000), mid 173,333.33 (+13,333.33), down 86,666.67 (+6,666.67); far unchanged at zero.
        var differences = correction.GetProperty("differences").EnumerateArray()
            .Select(d => (d.GetProperty("cityId").GetString(), d.GetProperty("fairShareChange").GetDecimal(), d.GetProperty("netPositionChange").GetDecimal()))
            .ToList();
        Assert.Equal(
            [(scenario.Id("down"), 6_666.67m, 6_666.67m), (scenario.Id("mid"), 13_333.33m, -36_666.67m), (scenario.Id("up"), 30_000m, 30_000m)],
            differences);

        var published = await Eventually.Until(
            () => Task.FromResult(TopicReader.ReadAll(fixture.Infrastructure.Broker.BootstrapServers, $"{fixture.Service.TopicNamespace}.{Topics.CostSharing}", TimeSpan.FromSeconds(1))
                .Where(m => m.Message.Key == incidentId.ToString()).Select(m => (Type: Encoding.UTF8.GetString(m.Message.Headers.GetLastBytes("message-type")), m.Message.Value)).ToList()),
            m => m.Any(x => x.Type == "cost-sharing.allocation-superseded"),
            because: "the correction to be published");
        Assert.Single(published, m => m.Type == "cost-sharing.allocation-finalized");
        var superseded = JsonSerializer.Deserialize<JsonElement>(published.Single(m => m.Type == "cost-sharing.allocation-superseded").Value);
        Assert.Equal(3, superseded.GetProperty("differences").GetArrayLength());
        Assert.DoesNotContain(superseded.GetProperty("differences").EnumerateArray(), d => d.GetProperty("cityId").GetString() == scenario.Id("far"));
        var adjustments = superseded.GetProperty("adjustmentInstructions").EnumerateArray().ToList();
        Assert.Equal(
            adjustments.Where(a => a.GetProperty("direction").GetString() == "pay-in").Sum(a => a.GetProperty("amount").GetDecimal()),
            adjustments.Where(a => a.GetProperty("direction").GetString() == "pay-out").Sum(a => a.GetProperty("amount").GetDecimal()));

        var old = await scenario.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cost-sharing/allocations/{original.GetProperty("id").GetGuid()}");
        Assert.False(old.GetProperty("inForce").GetBoolean());
        Assert.Equal(original.GetProperty("lines").ToString(), old.GetProperty("lines").ToString());
    }

    [Fact]
    public async Task CorrectionWithoutAnyChangeIsRefused()
    {
        var scenario = new Scenario(fixture, "same");
        var incidentId = await scenario.DecidedFloodAsync(DateTimeOffset.UtcNow);
        await scenario.FinalizeAsync(incidentId);
        var before = await fixture.AllWritesAsync();

        var response = await scenario.Coordinator.PostAsJsonAsync($"/api/cost-sharing/incidents/{incidentId}/allocations/corrections", new { reason = "Just checking" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, await fixture.AllWritesAsync());
    }

    private static Task<HttpResponseMessage> FinalizeAsync(Scenario scenario, Guid incidentId, string key) =>
        scenario.Coordinator.PostIdempotentAsync($"/api/cost-sharing/incidents/{incidentId}/allocations", null, key);
}
