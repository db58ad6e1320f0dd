using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Communication.Tests.Support;

namespace Communication.Tests.Acknowledgements;

/// <summary>Acknowledgements over HTTP, and what is published for trust-score.</summary>
public sealed class AcknowledgementTests(CommunicationFixture fixture) : IClassFixture<CommunicationFixture>
{
    [Fact]
    public async Task AnAcknowledgementInTimeIsPublishedOnTimeOnce()
    {
        var issued = await fixture.City("huangshan").IssueAsync(Support.Warnings.Json(level: "red", cityIds: ["hangzhou"]));
        var id = issued.GetProperty("id").GetGuid();

        using var first = await fixture.City("hangzhou").PostAsync($"/api/communication/warnings/{id}/acknowledgements", null);
        using var second = await fixture.City("hangzhou").PostAsync($"/api/communication/warnings/{id}/acknowledgements", null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal("on-time", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        var published = await fixture.PublishedAsync(
            "communication.acknowledgement-recorded", e => e.GetProperty("warningId").GetGuid() == id, "the acknowledgement to be published");
        var recorded = Assert.Single(published);
        Assert.Equal(("hangzhou", "on-time", "red"), (recorded.GetProperty("cityId").GetString(), recorded.GetProperty("outcome").GetString(), recorded.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task ACityTheWarningDoesNotReachHasNothingToAcknowledge()
    {
        var issued = await fixture.City("huangshan").IssueAsync(Support.Warnings.Json(cityIds: ["hangzhou"]));

        using var response = await fixture.City("huzhou").PostAsync($"/api/communication/warnings/{issued.GetProperty("id").GetGuid()}/acknowledgements", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnEscalationIsPublishedWithTheReachedCitiesAsCandidatesOnce()
    {
        var issued = await fixture.City("huangshan").IssueAsync(Support.Warnings.Json(cityIds: ["hangzhou", "jiaxing"]));
        var id = issued.GetProperty("id").GetGuid();

        using var foreign = await fixture.City("hangzhou").PostAsync($"/api/communication/warnings/{id}/escalation", null);
        using var escalated = await fixture.Coordinator().PostAsync($"/api/communication/warnings/{id}/escalation", null);
        using var again = await fixture.City("huangshan").PostAsync($"/api/communication/warnings/{id}/escalation", null);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Conflict), (foreign.StatusCode, escalated.StatusCode, again.StatusCode));
        var published = Assert.Single(await fixture.PublishedAsync(
            "communication.warning-escalated", e => e.GetProperty("warningId").GetGuid() == id, "the escalation to be published"));
        Assert.Equal("huangshan", published.GetProperty("senderCityId").GetString());
        Assert.Equal(["hangzhou", "jiaxing"], published.GetProperty("candidateAffectedCityIds").Strings());
    }
}

/// <summary>With red warnings due within a second: a duty nobody settles is published as missed.</summary>
public sealed class MissedAcknowledgementTests(ShortDeadlineFixture fixture) : IClassFixture<ShortDeadlineFixture>
{
    [Fact]
    public async Task AMissedAcknowledgementIsPublishedAsEvidence()
    {
        var issued = await fixture.City("huangshan").IssueAsync(Support.Warnings.Json(level: "red", cityIds: ["jiaxing"]));
        var id = issued.GetProperty("id").GetGuid();

        var published = await fixture.PublishedAsync(
            "communication.acknowledgement-recorded", e => e.GetProperty("warningId").GetGuid() == id, "the missed acknowledgement to be published");

        var missed = Assert.Single(published);
        Assert.Equal(("jiaxing", "missed"), (missed.GetProperty("cityId").GetString(), missed.GetProperty("outcome").GetString()));
        Assert.Equal(JsonValueKind.Null, missed.GetProperty("acknowledgedAt").ValueKind);
        using var late = await fixture.City("jiaxing").PostAsync($"/api/communication/warnings/{id}/acknowledgements", null);
        Assert.Equal("missed", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
    }
}
