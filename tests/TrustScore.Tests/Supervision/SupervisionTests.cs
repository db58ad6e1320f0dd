using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Contracts.CostSharing;
using Platform.ServiceDefaults.Security;
using Platform.Testing;
using TrustScore.Tests.Support;

namespace TrustScore.Tests.Supervision;

/// <summary>Vertical findings, peer reports and appeals through the API.</summary>
public sealed class SupervisionTests(TrustFixture fixture) : IClassFixture<TrustFixture>
{
    [Fact]
    public async Task AConcealmentFindingForcesTierDAndAnUpheldAppealRestoresTheScore()
    {
        var city = (await fixture.NewCitiesAsync(1))[0];
        using var coordinator = fixture.Coordinator();
        using var subject = fixture.City(city);
        var before = await fixture.ScoreAsync(city);

        var finding = await Created(coordinator.PostAsJsonAsync("/api/trust/findings", new { cityId = city, kind = "concealment", severity = "major", description = "Withheld the river gauge readings for 6 h." }));
        var during = await fixture.ScoreAsync(city);
        var appeal = await Created(subject.PostAsJsonAsync("/api/trust/appeals", new { evidenceKind = "finding", evidenceId = finding.GetProperty("id").GetString(), grounds = "The gauge was offline; logs attached." }));
        var decided = await coordinator.PostAsJsonAsync($"/api/trust/appeals/{appeal.GetProperty("id").GetString()}/decision", new { upheld = true, reason = "Outage confirmed by the provincial hydrology bureau." });
        var after = await fixture.ScoreAsync(city);

        Assert.Equal(("D", true), (during.GetProperty("tier").GetString(), during.GetProperty("severeDefault").GetBoolean()));
        Assert.True(during.GetProperty("score").GetDouble() < before.GetProperty("score").GetDouble());
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal((before.GetProperty("score").GetDouble(), before.GetProperty("tier").GetString()), (after.GetProperty("score").GetDouble(), after.GetProperty("tier").GetString()));
        var changes = await Eventually.Until(
            () => Task.FromResult(fixture.Published(city)), p => p.Count(e => e.Type == "trust-score.tier-changed") >= 2, because: "both tier changes to be published");
        Assert.Equal(["D", "M"], changes.Select(c => c.Body.GetProperty("tier").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await coordinator.PostAsJsonAsync($"/api/trust/appeals/{appeal.GetProperty("id").GetString()}/decision", new { upheld = false, reason = "again" })).StatusCode);
    }

    [Fact]
    public async Task ACityCannotAppealEvidenceAboutAnotherCity()
    {
        var cities = await fixture.NewCitiesAsync(2);
        using var coordinator = fixture.Coordinator();
        var finding = await Created(coordinator.PostAsJsonAsync("/api/trust/findings", new { cityId = cities[0], kind = "late-report", severity = "minor", description = "Late." }));
        using var other = fixture.City(cities[1]);

        var response = await other.PostAsJsonAsync("/api/trust/appeals", new { evidenceKind = "finding", evidenceId = finding.GetProperty("id").GetString(), grounds = "Not mine." });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AReportAboutOneselfIsRefusedAndChangesNothing()
    {
        var city = (await fixture.NewCitiesAsync(1))[0];
        using var client = fixture.City(city);

        var response = await client.PostAsJsonAsync("/api/trust/peer-reports", new { subjectCityId = city, fulfilment = 1, comment = "We did great." });
        var supervision = await client.GetFromJsonAsync<JsonElement>($"/api/trust/cities/{city}/supervision");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(supervision.GetProperty("peerReports").EnumerateArray());
    }

    [Fact]
    public async Task ACityCannotSeeWhoReportedItButTheCoordinatorAndAuditorCan()
    {
        var cities = await fixture.NewCitiesAsync(2);
        var (reporter, subject) = (cities[0], cities[1]);
        using var reporterClient = fixture.City(reporter);
        await Created(reporterClient.PostAsJsonAsync("/api/trust/peer-reports", new { subjectCityId = subject, fulfilment = 0, comment = "Pumps pledged never arrived." }));

        using var subjectClient = fixture.City(subject);
        var seenBySubject = await subjectClient.GetFromJsonAsync<JsonElement>($"/api/trust/cities/{subject}/supervision");
        var explainedToSubject = await subjectClient.GetFromJsonAsync<JsonElement>($"/api/trust/scores/{subject}/explanation");
        using var auditor = fixture.As(PlatformRoles.Auditor);
        var seenByAuditor = await auditor.GetFromJsonAsync<JsonElement>($"/api/trust/cities/{subject}/supervision");
        var explainedToAuditor = await auditor.GetFromJsonAsync<JsonElement>($"/api/trust/scores/{subject}/explanation");

        var report = Assert.Single(seenBySubject.GetProperty("peerReports").EnumerateArray().ToList());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("reporter").ValueKind);
        Assert.DoesNotContain(reporter, seenBySubject.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(reporter, explainedToSubject.ToString(), StringComparison.Ordinal);
        Assert.Equal(reporter, Assert.Single(seenByAuditor.GetProperty("peerReports").EnumerateArray().ToList()).GetProperty("reporter").GetString());
        Assert.Contains(reporter, explainedToAuditor.ToString(), StringComparison.Ordinal);
        using var finance = fixture.As(PlatformRoles.Finance);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync($"/api/trust/cities/{subject}/supervision")).StatusCode);
    }

    [Fact]
    public async Task ReportsOnOneCityAreLimitedToThreeAMonth()
    {
        var cities = await fixture.NewCitiesAsync(2);
        using var reporter = fixture.City(cities[0]);
        for (var i = 0; i < 3; i++)
        {
            await Created(reporter.PostAsJsonAsync("/api/trust/peer-reports", new { subjectCityId = cities[1], fulfilment = 1, comment = $"report {i}" }));
        }

        var fourth = await reporter.PostAsJsonAsync("/api/trust/peer-reports", new { subjectCityId = cities[1], fulfilment = 1, comment = "report 4" });

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(fourth.Headers.RetryAfter?.Delta > TimeSpan.FromDays(29));
    }

    [Fact]
    public async Task ALateOriginReportIsALateCommitmentWithPartCredit()
    {
        var city = (await fixture.NewCitiesAsync(1))[0];
        var due = fixture.Clock.GetUtcNow().AddDays(-1);
        await fixture.PublishAsync(Topics.CostSharing, city, new OriginReportRecorded(Guid.NewGuid(), city, due.AddHours(-2), due, due.AddHours(24), false));
        using var client = fixture.City(city);

        var commitment = await Commitments.SettlementCommitmentTests.SingleCommitmentAsync(client, city);

        Assert.Equal(("origin-report", "fulfilled-late", "joint"), (commitment.GetProperty("kind").GetString(), commitment.GetProperty("status").GetString(), commitment.GetProperty("verificationSource").GetString()));
        Assert.Equal(0.5, commitment.GetProperty("fulfilment").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task APledgeConfirmedInFullRaisesTheScore()
    {
        var city = (await fixture.NewCitiesAsync(1))[0];
        using var coordinator = fixture.Coordinator();
        var pledge = await Created(coordinator.PostAsJsonAsync("/api/trust/pledges", new { cityId = city, description = "2 pumping teams within 6 h", dueAt = fixture.Clock.GetUtcNow().AddDays(1), weight = 2 }));
        var id = pledge.GetProperty("id").GetString()!["pledge:".Length..];

        var confirmed = await coordinator.PostAsJsonAsync($"/api/trust/pledges/{id}/confirmation", new { fulfilment = 1 });
        var score = await fixture.ScoreAsync(city);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal((2.0, 0.75), (score.GetProperty("r").GetDouble(), score.GetProperty("score").GetDouble()));
    }

    private static async Task<JsonElement> Created(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
