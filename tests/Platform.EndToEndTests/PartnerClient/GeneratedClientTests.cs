using System.Net;
using System.Net.Http.Json;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Platform.EndToEndTests.Flows;
using Platform.PartnerClient;
using Platform.PartnerClient.CostSharing;
using Platform.PartnerClient.CostSharing.Models;
using Platform.PartnerClient.Fund;
using Platform.PartnerClient.Trust;
using Xunit;
using FundProblem = Platform.PartnerClient.Fund.Models.ProblemDetails;

namespace Platform.EndToEndTests.PartnerClient;

/// <summary>
/// A partner city's code, through the client Kiota generated from the published documents only: it gets a
/// token, reads the member directory, files a claim on an incident it takes part in, reads its own statement and trust
/// explanation, and gets a typed 404 problem for another city's statement. The coordinating body's setup uses plain HTTP.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GeneratedClientTests(PlatformFixture platform)
{
    private const string City = "huzhou";
    private const string OtherCity = "hangzhou";

    [Fact]
    public async Task A_partner_city_works_through_the_generated_client_only()
    {
        var incidentId = await OpenIncidentWithAsync(City, OtherCity);
        using var http = new HttpClient();
        var tokens = new ClientCredentialsTokens(http, new Uri(platform.Gateway.BaseAddress, "/connect/token"), "city-" + City, $"city-{City}-secret");
        var adapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(tokens), httpClient: http)
        {
            BaseUrl = platform.Gateway.BaseAddress.ToString().TrimEnd('/'),
        };
        var costSharing = new CostSharingClient(adapter);
        var fund = new FundClient(adapter);
        var trust = new TrustClient(adapter);

        var directory = await costSharing.Api.CostSharing.Members.GetAsync();
        var claim = await costSharing.Api.CostSharing.Incidents[incidentId].Claims.PostAsync(
            new ClaimRequest
            {
                Lines = [new ClaimLineRequest { Category = "personnel", Amount = 1250.00m, Description = "Evacuation shifts", EvidenceRef = "evidence/huzhou-1.pdf" }],
                Insurance = 0m,
                Subsidies = 0m,
            },
            c => c.Headers.Add("Idempotency-Key", $"claim-{City}-{incidentId:N}"));
        var statement = await fund.Api.Fund.Members[City].Statement.GetAsync();
        var explanation = await trust.Api.Trust.Scores[City].Explanation.GetAsync();
        var refused = await Assert.ThrowsAsync<FundProblem>(() => fund.Api.Fund.Members[OtherCity].Statement.GetAsync());

        Assert.Contains(directory!.Items!, m => m.CityId == City);
        Assert.Equal(City, claim!.CityId);
        Assert.Equal(1250.00m, claim.ClaimedAmount);
        Assert.NotNull(statement);
        Assert.NotNull(explanation);
        Assert.Equal((int)HttpStatusCode.NotFound, refused.ResponseStatusCode);
        Assert.Equal(404, refused.Status);
    }

    /// <summary>The coordinating body's part: both cities registered, an agreement and a confirmed incident between them, response closed.</summary>
    private async Task<Guid> OpenIncidentWithAsync(string affected, string origin)
    {
        await new TrustScenario(platform, origin, affected).RegisterAsync();
        using var coordinator = await platform.ClientAsync("coordinator");
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var now = DateTimeOffset.UtcNow;
        var agreementId = $"client-{suffix}";
        await TrustScenario.Expect(HttpStatusCode.Created, coordinator.PostAsJsonAsync("/api/cost-sharing/agreements", new
        {
            id = agreementId, name = "Client flow " + suffix, members = new[] { origin, affected },
            rules = new Dictionary<string, object> { ["natural-disaster"] = new { rule = "origin-primary", originShare = 0.6m, key = "population-exposed" } },
            claimDeadlineDays = 30,
            settlement = new { dueDays = 30, clearingAccount = "fund-clearing" },
            responsibilities = new[] { new { cityId = origin, duties = new[] { new { category = "natural-disaster", description = "Report within 2 h", reportWithinHours = 2, resources = new[] { "1 team" } } } } },
        }));
        var incident = (await TrustScenario.Expect(HttpStatusCode.Created, coordinator.PostAsJsonAsync("/api/cost-sharing/incidents", new
        {
            agreementId, category = "natural-disaster", scenario = "exposure-spread", title = "Client flow " + suffix, occurredAt = now.AddDays(-3),
            participants = new object[]
            {
                new { cityId = origin, side = "origin", contributionWeight = 1m, reportedAt = now.AddDays(-3).AddHours(1) },
                new { cityId = affected, side = "affected", populationExposed = 100_000L },
            },
        }))).GetProperty("id").GetGuid();
        await TrustScenario.Expect(HttpStatusCode.OK, coordinator.PostAsync($"/api/cost-sharing/incidents/{incident}/confirm", null));
        await TrustScenario.Expect(HttpStatusCode.OK, coordinator.PostAsJsonAsync($"/api/cost-sharing/incidents/{incident}/close-response", new { closedAt = now.AddDays(-1) }));
        return incident;
    }
}
