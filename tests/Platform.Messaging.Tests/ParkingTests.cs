using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Xunit;

namespace Platform.Messaging.Tests;

/// <summary>
/// "Not yet" is not poison: a message whose dependency has not arrived is parked and redelivered with growing delays,
/// later messages of its key wait behind it, and a dead letter holds its key until the coordinator decides.
/// </summary>
public sealed class ParkingTests : IAsyncLifetime, IDisposable
{
    private ProbeHost _probe = null!;
    private HttpClient _coordinator = null!;

    public async Task InitializeAsync()
    {
        var infra = await TestInfrastructure.GetAsync();
        var database = await infra.CreateDatabaseAsync(nameof(ParkingTests));
        _probe = await ProbeHost.StartAsync(database, infra.Broker.BootstrapServers, infra.CreateTopicNamespace());
        _coordinator = _probe.Coordinator();
    }

    public async Task DisposeAsync() => await _probe.DisposeAsync();

    public void Dispose() => _coordinator.Dispose();

    [Fact]
    public async Task MessageWhoseDependencyHasNotArrivedIsParkedThenAppliedInOrderWithTheOnesBehindIt()
    {
        var first = await _probe.PublishAsync("w-park", 1, requires: "w-dependency");
        var second = await _probe.PublishAsync("w-park", 2);
        await _probe.PublishAsync("w-unrelated", 1);

        await Eventually.Until(async () => (await _probe.AppliedAsync("w-unrelated")).Count == 1, because: "another key to flow past the parked one");
        var parked = await Eventually.Until(() => ParkedAsync("w-park"), p => p.Count == 2 && p[0].GetProperty("attempts").GetInt32() >= 2, because: "both to park and the first to be tried again");
        Assert.Equal([first, second], parked.Select(p => p.GetProperty("messageId").GetGuid()));
        Assert.All(parked, p => Assert.Equal("waiting", p.GetProperty("state").GetString()));
        Assert.Equal("widget w-dependency has not arrived", parked[0].GetProperty("reason").GetString());
        Assert.Empty(await _probe.AppliedAsync("w-park"));

        await _probe.PublishAsync("w-dependency", 1);

        var applied = await Eventually.Until(() => _probe.AppliedAsync("w-park"), a => a.Count == 2, because: "the parked messages to be released");
        Assert.Equal([1, 2], applied);
        Assert.Empty(await ParkedAsync("w-park"));
        Assert.Empty((await _coordinator.GetFromJsonAsync<List<JsonElement>>("/probe/admin/dead-letters"))!);
    }

    [Fact]
    public async Task MessageStillNotReadyWhenItsScheduleIsSpentIsDeadLetteredAndHoldsItsKeyUntilDiscarded()
    {
        var never = await _probe.PublishAsync("w-never", 1, requires: "w-never-arrives");
        await _probe.PublishAsync("w-never", 2);

        var parked = await Eventually.Until(
            () => ParkedAsync("w-never"), p => p.Count == 2 && p[0].GetProperty("state").GetString() == "dead", TimeSpan.FromSeconds(90), "the schedule to run out");
        Assert.Equal(6, parked[0].GetProperty("attempts").GetInt32());
        Assert.StartsWith("Not ready after 6 tries", parked[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await _probe.ScalarAsync($"select count(*) from probe.mt_doc_deadletter where id = '{never}'"));
        await Task.Delay(500);
        Assert.Empty(await _probe.AppliedAsync("w-never"));

        var discarded = await _coordinator.PostAsync($"/probe/admin/dead-letters/{never}/discard", null);

        Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
        Assert.Equal([2], await Eventually.Until(() => _probe.AppliedAsync("w-never"), a => a.Count == 1, because: "the key to be freed"));
        Assert.Equal(1, await _probe.ScalarAsync($"select count(*) from probe.platform_inbox where message_id = '{never}'"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _coordinator.PostAsync($"/probe/admin/dead-letters/{never}/discard", null)).StatusCode);
    }

    [Fact]
    public async Task PoisonHoldsItsKeyUntilReplayedOnceItsCauseIsFixed()
    {
        var poison = await _probe.PublishAsync("w-cured", 1, poison: true);
        await _probe.PublishAsync("w-cured", 2);
        await Eventually.Until(async () => (await ParkedAsync("w-cured")).Count == 2, because: "the poison to be dead-lettered and the next to wait");

        var refused = await _coordinator.PostAsync($"/probe/admin/dead-letters/{poison}/replay", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("dead", (await ParkedAsync("w-cured"))[0].GetProperty("state").GetString());

        await _probe.PublishAsync("cure-w-cured", 1);
        await Eventually.Until(async () => (await _probe.AppliedAsync("cure-w-cured")).Count == 1, because: "the cure");
        var replayed = await _coordinator.PostAsync($"/probe/admin/dead-letters/{poison}/replay", null);

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal("Applied", (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal([1, 2], await Eventually.Until(() => _probe.AppliedAsync("w-cured"), a => a.Count == 2, because: "the message behind the replayed one"));
        Assert.Empty(await ParkedAsync("w-cured"));
    }

    [Fact]
    public async Task ParkedListIsForTheCoordinatorOnly()
    {
        using var anonymous = new HttpClient { BaseAddress = _probe.Address };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/probe/admin/parked")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _coordinator.GetAsync("/probe/admin/parked?state=sleeping")).StatusCode);
    }

    private async Task<List<JsonElement>> ParkedAsync(string key)
    {
        var all = await _coordinator.GetFromJsonAsync<List<JsonElement>>("/probe/admin/parked");
        return [.. all!.Where(p => p.GetProperty("key").GetString() == key)];
    }
}
