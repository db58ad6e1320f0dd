using System.Net;
using Communication.Tests.Support;
using Platform.Testing;

namespace Communication.Tests.Feed;

/// <summary>Each city's live feed: the warnings that reach it, in order, resumable without loss or repetition.</summary>
public sealed class FeedTests(CommunicationFixture fixture) : IClassFixture<CommunicationFixture>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ARedWarningFromUpstreamReachesTheDownstreamFeedsAndNotAnUnrelatedCity()
    {
        await fixture.Coordinator().PublishRiverGraphAsync();
        await using var hangzhou = await SseClient.ConnectAsync(fixture.City("hangzhou"), "/api/communication/feed");
        await using var jiaxing = await SseClient.ConnectAsync(fixture.City("jiaxing"), "/api/communication/feed");
        await using var huzhou = await SseClient.ConnectAsync(fixture.City("huzhou"), "/api/communication/feed");

        var issued = await fixture.City("huangshan").IssueAsync(Support.Warnings.Json(level: "red"));

        var id = issued.GetProperty("id").GetGuid();
        Assert.Equal(id, (await hangzhou.NextAsync(Soon))?.Json.GetProperty("warningId").GetGuid());
        Assert.Equal(id, (await jiaxing.NextAsync(Soon))?.Json.GetProperty("warningId").GetGuid());
        Assert.Null(await huzhou.NextAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task AReconnectWithTheLastEventIdMissesNothingAndRepeatsNothing()
    {
        var huangshan = fixture.City("huangshan");
        var first = await huangshan.IssueAsync(Support.Warnings.Json(cityIds: ["wenzhou"]));
        string lastId;
        await using (var feed = await SseClient.ConnectAsync(fixture.City("wenzhou"), "/api/communication/feed?lastEventId=0"))
        {
            var received = await feed.NextAsync(Soon);
            Assert.Equal(first.GetProperty("id").GetGuid(), received?.Json.GetProperty("warningId").GetGuid());
            lastId = received!.Id!;
        }

        var missed = new[]
        {
            await huangshan.IssueAsync(Support.Warnings.Json(level: "orange", cityIds: ["wenzhou"])),
            await huangshan.IssueAsync(Support.Warnings.Json(level: "yellow", cityIds: ["wenzhou"])),
        };
        await using var resumed = await SseClient.ConnectAsync(fixture.City("wenzhou"), "/api/communication/feed", lastEventId: lastId);

        var replayed = new[] { await resumed.NextAsync(Soon), await resumed.NextAsync(Soon) };
        Assert.Equal(missed.Select(m => m.GetProperty("id").GetGuid()), replayed.Select(e => e!.Json.GetProperty("warningId").GetGuid()));
        Assert.Equal([long.Parse(lastId) + 1, long.Parse(lastId) + 2], replayed.Select(e => long.Parse(e!.Id!)));
        Assert.Null(await resumed.NextAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task AnUpdateAndACancelReachTheSameFeedsAsTheWarning()
    {
        await fixture.Coordinator().PublishRiverGraphAsync();
        var huangshan = fixture.City("huangshan");
        var alert = await huangshan.IssueAsync(Support.Warnings.Json(level: "orange", cityIds: ["ningbo"]));
        var alertId = alert.GetProperty("id").GetGuid();
        await using var ningbo = await SseClient.ConnectAsync(fixture.City("ningbo"), "/api/communication/feed");
        await using var jiaxing = await SseClient.ConnectAsync(fixture.City("jiaxing"), "/api/communication/feed");

        // The update no longer names ningbo, yet every city the original reached hears of it.
        var update = await huangshan.IssueAsync(Support.Warnings.Json(level: "red", msgType: "Update", references: [alertId]));
        var cancel = await huangshan.IssueAsync(Support.Warnings.Json(level: "red", msgType: "Cancel", references: [update.GetProperty("id").GetGuid()]));

        foreach (var feed in new[] { ningbo, jiaxing })
        {
            var events = new[] { await feed.NextAsync(Soon), await feed.NextAsync(Soon) };
            Assert.Equal(["Update", "Cancel"], events.Select(e => e!.Json.GetProperty("msgType").GetString()));
            Assert.Equal([alertId], events[0]!.Json.GetProperty("references").EnumerateArray().Select(r => r.GetGuid()));
        }

        Assert.Equal(["hangzhou", "jiaxing", "ningbo", "xuancheng"], cancel.GetProperty("reachedCityIds").Strings());
    }

    [Fact]
    public async Task RefusesToUpdateAWarningTwiceOrAnotherCitysWarning()
    {
        var alert = await fixture.City("huangshan").IssueAsync(Support.Warnings.Json(cityIds: ["ningbo"]));
        var id = alert.GetProperty("id").GetGuid();

        using var foreign = await fixture.City("ningbo").PostAsync("/api/communication/warnings",
            System.Net.Http.Json.JsonContent.Create(Support.Warnings.Json(msgType: "Cancel", references: [id])));
        await fixture.City("huangshan").IssueAsync(Support.Warnings.Json(msgType: "Update", references: [id]));
        using var again = await fixture.City("huangshan").PostAsync("/api/communication/warnings",
            System.Net.Http.Json.JsonContent.Create(Support.Warnings.Json(msgType: "Cancel", references: [id])));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Conflict), (foreign.StatusCode, again.StatusCode));
    }

    [Fact]
    public async Task IsOnlyForACity()
    {
        using var response = await fixture.Coordinator().GetAsync("/api/communication/feed", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
