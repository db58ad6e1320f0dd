using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Messaging.Outbox;
using Platform.Testing;
using Xunit;

namespace Platform.Messaging.Tests;

/// <summary>The relay keeps each key in order when a row fails, refuses what the broker never would accept, and heals its producer.</summary>
public sealed class RelayTests : IAsyncLifetime, IDisposable
{
    private TestInfrastructure _infra = null!;
    private ProbeHost _probe = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _infra = await TestInfrastructure.GetAsync();
        var database = await _infra.CreateDatabaseAsync(nameof(RelayTests));
        _probe = await ProbeHost.StartAsync(
            database, _infra.Broker.BootstrapServers, _infra.CreateTopicNamespace(),
            new Dictionary<string, string?> { ["Messaging:RelayParkAfter"] = "2" });
        _client = new HttpClient { BaseAddress = _probe.Address };
    }

    public async Task DisposeAsync() => await _probe.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task RowThatFailsHoldsBackTheLaterRowsOfItsKeyAndIsParkedAfterRepeatedFailures()
    {
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.CreateVersion7()).ToArray();
        var huge = new string('x', 2_000_000);
        await _probe.ExecuteAsync(
            $"""
            begin;
            {Row(ids[0], "w-held", """{"widgetId":"w-held","sequence":1}""")}
            {Row(ids[1], "w-held", $$"""{"widgetId":"w-held","sequence":2,"padding":"{{huge}}"}""")}
            {Row(ids[2], "w-held", """{"widgetId":"w-held","sequence":3}""")}
            {Row(ids[3], "w-free", """{"widgetId":"w-free","sequence":1}""")}
            commit;
            """);

        await Eventually.Until(
            () => _probe.ScalarAsync($"select count(*) from probe.platform_outbox where message_id = '{ids[1]}' and parked_at is not null"),
            n => n == 1, because: "the failing row to be parked");
        await Eventually.Until(async () => (await _probe.AppliedAsync("w-free")).Count == 1, because: "another key to flow");
        await _probe.PublishAsync("w-free", 2);
        await Eventually.Until(async () => (await _probe.AppliedAsync("w-free")).Count == 2, because: "the relay to go on with other keys after parking");

        Assert.Equal([1], await _probe.AppliedAsync("w-held"));
        Assert.Equal(0, await _probe.ScalarAsync($"select count(*) from probe.platform_outbox where message_id = '{ids[2]}' and published_at is not null"));
        var published = TopicReader.ReadAll(_infra.Broker.BootstrapServers, _probe.Topic, TimeSpan.FromSeconds(1))
            .Where(m => m.Message.Key == "w-held").Select(m => Encoding.UTF8.GetString(m.Message.Headers.GetLastBytes("message-id"))).ToList();
        Assert.Equal([ids[0].ToString()], published);
    }

    [Fact]
    public async Task CoordinatorRepublishesARangeOfTheOutboxInOrderAndConsumersApplyItOnce()
    {
        await _probe.PublishAsync("w-again", 1);
        await _probe.PublishAsync("w-again", 2);
        await Eventually.Until(async () => (await _probe.AppliedAsync("w-again")).Count == 2, because: "the first publication");
        var from = await _probe.ScalarAsync("select min(position) from probe.platform_outbox where message_key = 'w-again'");
        var to = await _probe.ScalarAsync("select max(position) from probe.platform_outbox where message_key = 'w-again'");
        using var coordinator = _probe.Coordinator();

        var response = await coordinator.PostAsJsonAsync("/probe/admin/outbox/republish", new { from, to });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((int)(to - from + 1), (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("requeued").GetInt32());
        await Eventually.Until(
            () => Task.FromResult(TopicReader.ReadAll(_infra.Broker.BootstrapServers, _probe.Topic, TimeSpan.FromMilliseconds(500)).Count(m => m.Message.Key == "w-again")),
            n => n == 4, because: "the range to be published again");
        Assert.Equal([1, 2], await _probe.AppliedAsync("w-again"));
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.PostAsJsonAsync("/probe/admin/outbox/republish", new { from = to, to = from - 1 })).StatusCode);
    }

    [Fact]
    public async Task EventLargerThanTheBrokerAcceptsIsRefusedAtEnqueueAndNothingIsWritten()
    {
        var response = await _client.PostAsJsonAsync("/widgets", new WidgetChanged("w-huge", 1, Requires: new string('y', 1_100_000)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("the broker accepts at most", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await _probe.ScalarAsync("select count(*) from probe.platform_outbox where message_key = 'w-huge'"));
        Assert.Equal(0, await _probe.ScalarAsync("select count(*) from probe.mt_doc_widgetlog where id = 'w-huge'"));
        await using var session = _probe.Store.LightweightSession();
        Assert.Throws<OutboxMessageTooLargeException>(
            () => _probe.Services.GetRequiredService<EventOutbox>().Enqueue(session, "w-huge", new WidgetChanged("w-huge", 2, Requires: new string('z', 1_100_000))));
    }

    [Fact]
    public async Task FatalProducerErrorHealsWithoutARestart()
    {
        var relay = _probe.Services.GetServices<IHostedService>().OfType<OutboxRelay>().Single();
        await _probe.PublishAsync("w-fatal", 1);
        await Eventually.Until(async () => (await _probe.AppliedAsync("w-fatal")).Count == 1, because: "the relay to work before the fault");

        NativeFaults.RaiseFatalError(relay.Producer.Current);
        await _probe.PublishAsync("w-fatal", 2);

        Assert.Equal([1, 2], await Eventually.Until(() => _probe.AppliedAsync("w-fatal"), a => a.Count == 2, because: "the event after the fatal error"));
        Assert.True(relay.Producer.Rebuilds >= 1);
    }

    /// <summary>An outbox row written behind the outbox's back, so a test can hold a row the broker refuses.</summary>
    private string Row(Guid id, string key, string payload) =>
        $"""
        insert into probe.platform_outbox (message_id, topic, message_key, message_type, schema_version, payload, correlation_id, occurred_at)
        values ('{id}', '{_probe.Topic}', '{key}', 'test.widget-changed', 1, '{payload}', 'corr-{id:N}', now());
        """;
}
