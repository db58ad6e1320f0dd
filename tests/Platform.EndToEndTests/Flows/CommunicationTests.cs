using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEndTests.Flows;

/// <summary>
/// Through the gateway: warnings reach the right live feeds in time and resumably, duties missed become evidence,
/// escalations open incidents in cost-sharing, accepted aid is claimable, and bad or forged warnings change nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CommunicationTests(PlatformFixture platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ARedWarningFromUpstreamReachesTheDownstreamFeedsWithinASecondAndNotAnUnrelatedCity()
    {
        using var coordinator = await platform.ClientAsync("coordinator");
        await PublishRiverGraphAsync(coordinator);
        await using var hangzhou = await SseClient.ConnectAsync(await platform.ClientAsync("city-hangzhou"), "/api/communication/feed");
        await using var jiaxing = await SseClient.ConnectAsync(await platform.ClientAsync("city-jiaxing"), "/api/communication/feed");
        await using var huzhou = await SseClient.ConnectAsync(await platform.ClientAsync("city-huzhou"), "/api/communication/feed");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (hangzhou.StatusCode, jiaxing.StatusCode, huzhou.StatusCode));

        // One warning to a city nobody listens for first, so the measured one finds every path warm (JIT, pools, the hub).
        using var huangshan = await platform.ClientAsync("city-huangshan");
        await IssueAsync(huangshan, Warning("blue", cityIds: ["lishui"], category: "social-security"));

        var clock = Stopwatch.StartNew();
        var issued = await IssueAsync(huangshan, Warning("red"));

        var id = issued.GetProperty("id").GetGuid();
        foreach (var feed in new[] { hangzhou, jiaxing })
        {
            var received = await feed.NextAsync(Soon);
            Assert.Equal(id, received?.Json.GetProperty("warningId").GetGuid());
        }

        var elapsed = clock.Elapsed;
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"the warning took {elapsed.TotalMilliseconds:0} ms from the POST to both feeds");
        Assert.Null(await huzhou.NextAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task AReconnectWithTheLastEventIdMissesNothing()
    {
        using var huangshan = await platform.ClientAsync("city-huangshan");
        using var xuancheng = await platform.ClientAsync("city-xuancheng");
        string lastId;
        await using (var feed = await SseClient.ConnectAsync(xuancheng, "/api/communication/feed"))
        {
            await IssueAsync(huangshan, Warning("yellow", cityIds: ["xuancheng"]));
            lastId = (await feed.NextAsync(Soon))!.Id!;
        }

        var missed = new[]
        {
            (await IssueAsync(huangshan, Warning("orange", cityIds: ["xuancheng"]))).GetProperty("id").GetGuid(),
            (await IssueAsync(huangshan, Warning("red", cityIds: ["xuancheng"]))).GetProperty("id").GetGuid(),
        };
        await using var resumed = await SseClient.ConnectAsync(xuancheng, "/api/communication/feed", lastEventId: lastId);

        var replayed = new[] { await resumed.NextAsync(Soon), await resumed.NextAsync(Soon) };
        Assert.Equal(missed, replayed.Select(e => e!.Json.GetProperty("warningId").GetGuid()));
        Assert.Null(await resumed.NextAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task AnUpdateAndACancelReachTheSameFeeds()
    {
        using var huangshan = await platform.ClientAsync("city-huangshan");
        var alert = (await IssueAsync(huangshan, Warning("orange", cityIds: ["huzhou"]))).GetProperty("id").GetGuid();
        await using var huzhou = await SseClient.ConnectAsync(await platform.ClientAsync("city-huzhou"), "/api/communication/feed");

        await IssueAsync(huangshan, Warning("red", msgType: "Update", references: [alert]));
        var update = (await huzhou.NextAsync(Soon))!.Json;
        await IssueAsync(huangshan, Warning("red", msgType: "Cancel", references: [update.GetProperty("warningId").GetGuid()]));
        var cancel = (await huzhou.NextAsync(Soon))!.Json;

        Assert.Equal(("Update", "Cancel"), (update.GetProperty("msgType").GetString(), cancel.GetProperty("msgType").GetString()));
        Assert.Equal(alert, update.GetProperty("references")[0].GetGuid());
    }

    [Fact]
    public async Task AMissedAcknowledgementIsPublishedAsTrustEvidence()
    {
        // Blue warnings are due within two seconds in the end-to-end platform (PlatformProcesses.Extra).
        using var huangshan = await platform.ClientAsync("city-huangshan");
        var id = (await IssueAsync(huangshan, Warning("blue", cityIds: ["jiaxing"]))).GetProperty("id").GetGuid();

        using var coordinator = await platform.ClientAsync("coordinator");
        var duties = await Eventually.Until(
            () => coordinator.GetFromJsonAsync<JsonElement>($"/api/communication/warnings/{id}/acknowledgements"),
            d => d.EnumerateArray().Any(x => x.GetProperty("cityId").GetString() == "jiaxing" && x.GetProperty("outcome").GetString() == "missed"),
            because: "jiaxing's duty to be settled as missed");
        // Jiaxing is named; the exposure graph of other tests may add cities downstream of Huangshan.
        Assert.Contains(duties.EnumerateArray(), d => d.GetProperty("cityId").GetString() == "jiaxing" && d.GetProperty("outcome").GetString() == "missed");
        var evidence = await Eventually.Until(
            () => Task.FromResult(Published("communication.acknowledgement-recorded")
                .Where(e => e.GetProperty("warningId").GetGuid() == id && e.GetProperty("cityId").GetString() == "jiaxing").ToList()),
            e => e.Count > 0, because: "the missed acknowledgement to be published for trust-score");
        Assert.Equal(("jiaxing", "missed"), (evidence[0].GetProperty("cityId").GetString(), evidence[0].GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task AnEscalationOpensAReportedIncidentInCostSharing()
    {
        using var coordinator = await platform.ClientAsync("coordinator");
        await AgreementAsync(coordinator);
        using var huangshan = await platform.ClientAsync("city-huangshan");
        var id = (await IssueAsync(huangshan, Warning("red", cityIds: ["jiaxing"]))).GetProperty("id").GetGuid();

        using var escalated = await huangshan.PostAsync($"/api/communication/warnings/{id}/escalation", null);
        Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);

        var incident = await Eventually.Until(
            async () => (await coordinator.GetFromJsonAsync<JsonElement>("/api/cost-sharing/incidents?pageSize=200")).GetProperty("items").EnumerateArray()
                .FirstOrDefault(i => i.GetProperty("description").GetString()?.Contains(id.ToString(), StringComparison.Ordinal) == true),
            i => i.ValueKind == JsonValueKind.Object, timeout: TimeSpan.FromSeconds(30), because: "cost-sharing to open the reported incident");
        Assert.Equal("reported", incident.GetProperty("status").GetString());
        var sides = incident.GetProperty("participants").EnumerateArray().ToDictionary(p => p.GetProperty("cityId").GetString()!, p => p.GetProperty("side").GetString());
        Assert.Equal("origin", sides["huangshan"]);
        Assert.Equal("affected", sides["jiaxing"]);
    }

    [Fact]
    public async Task AnAcceptedAidIsClaimableByItsProvider()
    {
        using var coordinator = await platform.ClientAsync("coordinator");
        var agreementId = await AgreementAsync(coordinator);
        var incident = await Json(coordinator.PostAsJsonAsync("/api/cost-sharing/incidents", new
        {
            agreementId, category = "natural-disaster", scenario = "exposure-elsewhere", title = "新安江洪水 aid", occurredAt = DateTimeOffset.UtcNow.AddDays(-1),
            participants = new object[]
            {
                new { cityId = "huangshan", side = "origin", contributionWeight = 1m, reportedAt = DateTimeOffset.UtcNow.AddHours(-20) },
                new { cityId = "jiaxing", side = "affected", populationExposed = 100_000L },
            },
        }), HttpStatusCode.Created);
        var incidentId = incident.GetProperty("id").GetGuid();
        await Json(coordinator.PostAsync($"/api/cost-sharing/incidents/{incidentId}/confirm", null), HttpStatusCode.OK);
        using var jiaxing = await platform.ClientAsync("city-jiaxing");
        using var hangzhou = await platform.ClientAsync("city-hangzhou");

        var request = await Json(jiaxing.PostAsJsonAsync("/api/communication/aid-requests", new
        {
            incidentId, items = new[] { new { kind = "equipment", resource = "pump", quantity = 4m, unit = "units" } },
        }), HttpStatusCode.Created);
        var requestId = request.GetProperty("id").GetGuid();
        var offer = await Json(hangzhou.PostAsJsonAsync($"/api/communication/aid-requests/{requestId}/offers", new
        {
            items = new[] { new { kind = "equipment", resource = "pump", quantity = 4m, unit = "units" } }, estimatedCost = 48_000.50m,
        }), HttpStatusCode.Created);
        var accepted = await Json(jiaxing.PostAsync($"/api/communication/aid-requests/{requestId}/offers/{offer.GetProperty("id").GetGuid()}/acceptance", null), HttpStatusCode.OK);
        var aidId = accepted.GetProperty("aidId").GetGuid();

        var claim = await Eventually.Until(
            async () => await hangzhou.PostAsJsonAsync($"/api/cost-sharing/incidents/{incidentId}/claims", new
            {
                aidId, lines = new[] { new { category = "equipment", amount = 48_000.50m, description = "4 pumps for 3 days", evidenceRef = "invoice-17" } },
            }),
            r => r.StatusCode == HttpStatusCode.Created, timeout: TimeSpan.FromSeconds(30), because: "cost-sharing to learn the accepted aid");
        var body = await claim.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((aidId, "hangzhou"), (body.GetProperty("aidId").GetGuid(), body.GetProperty("cityId").GetString()));
    }

    [Fact]
    public async Task MalformedCapAndSchemaViolationsAreRefusedWithNothingStored()
    {
        using var coordinator = await platform.ClientAsync("coordinator");
        using var hangzhou = await platform.ClientAsync("city-hangzhou");
        var before = await WarningCountAsync(coordinator);

        using var malformed = await PostXmlAsync(hangzhou, Cap("hangzhou", "HZ-malformed").Replace("</event>", "</evnt>", StringComparison.Ordinal));
        using var invalid = await PostXmlAsync(hangzhou, Cap("hangzhou", "HZ-invalid").Replace("<status>Actual</status>", "<status>Real</status>", StringComparison.Ordinal));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (malformed.StatusCode, invalid.StatusCode));
        Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("event", out _));
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(before, await WarningCountAsync(coordinator));
    }

    [Fact]
    public async Task ACityPostingAsAnotherIsForbidden()
    {
        using var huzhou = await platform.ClientAsync("city-huzhou");

        using var json = await huzhou.PostAsJsonAsync("/api/communication/warnings", Warning("red", senderCityId: "hangzhou"));
        using var xml = await PostXmlAsync(huzhou, Cap("hangzhou@gov.cn", $"HZ-{Guid.NewGuid():N}"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (json.StatusCode, xml.StatusCode));
    }

    private static object Warning(
        string level, string[]? cityIds = null, string msgType = "Alert", Guid[]? references = null, string? senderCityId = null, string category = "natural-disaster") => new
    {
        senderCityId, msgType, category, level, @event = "Flood", headline = "新安江 above the warning mark",
        instruction = "Evacuate the low-lying districts.", area = new { description = "Xin'an river", cityIds = cityIds ?? [] }, references,
    };

    private static string Cap(string sender, string identifier) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>{identifier}</identifier><sender>{sender}</sender><sent>2026-07-01T08:00:00+08:00</sent>
          <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
          <info><category>Met</category><event>Typhoon</event><urgency>Immediate</urgency><severity>Extreme</severity><certainty>Likely</certainty>
            <area><areaDesc>Coast</areaDesc><geocode><valueName>city-id</valueName><value>jiaxing</value></geocode></area></info>
        </alert>
        """;

    private static Task<HttpResponseMessage> PostXmlAsync(HttpClient client, string xml) =>
        client.PostAsync("/api/communication/warnings", new StringContent(xml, Encoding.UTF8, "application/cap+xml"));

    private static async Task<JsonElement> IssueAsync(HttpClient city, object warning) =>
        await Json(city.PostAsJsonAsync("/api/communication/warnings", warning), HttpStatusCode.Created);

    private static async Task<long> WarningCountAsync(HttpClient coordinator) =>
        (await coordinator.GetFromJsonAsync<JsonElement>("/api/communication/warnings")).GetProperty("total").GetInt64();

    private static async Task PublishRiverGraphAsync(HttpClient coordinator) =>
        await Json(coordinator.PutAsJsonAsync("/api/communication/exposure-graph", new
        {
            edges = new[]
            {
                new { fromCityId = "huangshan", toCityId = "hangzhou", kind = "river-downstream" },
                new { fromCityId = "hangzhou", toCityId = "jiaxing", kind = "river-downstream" },
            },
        }), HttpStatusCode.OK);

    /// <summary>Huangshan, Jiaxing and Hangzhou as members of a fresh agreement with a rule for natural disasters.</summary>
    private static async Task<string> AgreementAsync(HttpClient coordinator)
    {
        foreach (var city in new[] { "huangshan", "jiaxing", "hangzhou" })
        {
            using var registered = await coordinator.PostAsJsonAsync("/api/cost-sharing/members", new
            {
                cityId = city, name = city, province = "浙江省", population = 1_000_000, gdpCny = 1m, contact = new { name = "x", email = $"x@{city}.gov.cn" },
            });
            Assert.True(registered.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);
        }

        var id = $"aa-comm-{Guid.NewGuid().ToString("N")[..10]}";
        await Json(coordinator.PostAsJsonAsync("/api/cost-sharing/agreements", new
        {
            id, name = "Communication " + id, members = new[] { "huangshan", "jiaxing", "hangzhou" },
            rules = new Dictionary<string, object> { ["natural-disaster"] = new { rule = "origin-primary", originShare = 0.6m, key = "population-exposed" } },
            claimDeadlineDays = 30, settlement = new { dueDays = 15, clearingAccount = "fund-clearing" }, responsibilities = Array.Empty<object>(),
        }), HttpStatusCode.Created);
        return id;
    }

    private List<JsonElement> Published(string type) =>
        [.. TopicReader.ReadAll(platform.BootstrapServers, $"{platform.TopicNamespace}.{Topics.Communication}", TimeSpan.FromMilliseconds(500))
            .Where(m => Encoding.UTF8.GetString(m.Message.Headers.GetLastBytes("message-type")) == type)
            .Select(m => JsonSerializer.Deserialize<JsonElement>(m.Message.Value))];

    private static async Task<JsonElement> Json(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }
}
