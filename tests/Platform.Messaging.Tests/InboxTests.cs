using System.Text;
using Confluent.Kafka;
using Platform.Messaging.Envelope;
using Platform.Testing;
using Xunit;

namespace Platform.Messaging.Tests;

/// <summary>The consuming side: duplicates change nothing, poison goes to the dead-letter topic.</summary>
public sealed class InboxTests : IAsyncLifetime
{
    private TestInfrastructure _infra = null!;
    private ProbeHost _probe = null!;

    public async Task InitializeAsync()
    {
        _infra = await TestInfrastructure.GetAsync();
        var database = await _infra.CreateDatabaseAsync(nameof(InboxTests));
        _probe = await ProbeHost.StartAsync(database, _infra.Broker.BootstrapServers, _infra.CreateTopicNamespace());
    }

    public async Task DisposeAsync() => await _probe.DisposeAsync();

    [Fact]
    public async Task SameMessageDeliveredTwiceChangesStateOnce()
    {
        var duplicate = Envelope("w-dup", Guid.NewGuid());
        await ProduceAsync("w-dup", duplicate, Payload("w-dup", 1));
        await ProduceAsync("w-dup", duplicate, Payload("w-dup", 1));
        await ProduceAsync("w-dup", Envelope("w-dup", Guid.NewGuid()), Payload("w-dup", 2));

        var applied = await Eventually.Until(() => _probe.AppliedAsync("w-dup"), s => s.Contains(2), because: "the marker after the duplicates");
        Assert.Equal([1, 2], applied);
        Assert.Equal(1, await _probe.ScalarAsync($"select count(*) from probe.platform_inbox where message_id = '{duplicate.MessageId}'"));
    }

    [Fact]
    public async Task MalformedPayloadGoesToDeadLetterTopicHoldsItsKeyAndOtherKeysStillFlow()
    {
        var poison = Envelope("w-malformed", Guid.NewGuid());
        await ProduceAsync("w-malformed", poison, Encoding.UTF8.GetBytes("{ this is not json"));
        var behind = Envelope("w-malformed", Guid.NewGuid());
        await ProduceAsync("w-malformed", behind, Payload("w-malformed", 7));
        await ProduceAsync("w-malformed-other", Envelope("w-malformed-other", Guid.NewGuid()), Payload("w-malformed-other", 8));

        await Eventually.Until(async () => (await _probe.AppliedAsync("w-malformed-other")).Contains(8), because: "a message of another key");
        await Eventually.Until(
            () => _probe.ScalarAsync($"select count(*) from probe.platform_parked where message_id = '{behind.MessageId}'"), n => n == 1, because: "the later message to park behind the poison");
        Assert.Empty(await _probe.AppliedAsync("w-malformed"));
        var dead = TopicReader.ReadAll(_infra.Broker.BootstrapServers, _probe.DeadLetterTopic, TimeSpan.FromSeconds(1))
            .Where(m => m.Message.Key == "w-malformed").ToList();
        var letter = Assert.Single(dead);
        Assert.True(letter.Message.Headers.TryGetLastBytes(HeaderNames.DeadLetterReason, out var reason));
        Assert.Contains("not a valid test.widget-changed", Encoding.UTF8.GetString(reason), StringComparison.Ordinal);
        Assert.Equal(1, await _probe.ScalarAsync($"select count(*) from probe.mt_doc_deadletter where id = '{poison.MessageId}'"));
    }

    [Fact]
    public async Task MessageWhoseHandlerKeepsFailingIsDeadLetteredAfterItsRetries()
    {
        var id = await _probe.PublishAsync("w-poison", 1, poison: true);
        var behind = await _probe.PublishAsync("w-poison", 2);
        await _probe.PublishAsync("w-poison-other", 3);

        await Eventually.Until(async () => (await _probe.AppliedAsync("w-poison-other")).Contains(3), because: "a message of another key");
        await Eventually.Until(
            () => _probe.ScalarAsync($"select count(*) from probe.platform_parked where message_id = '{behind}'"), n => n == 1, because: "the later message to park behind the poison");
        Assert.Equal(1, await _probe.ScalarAsync($"select count(*) from probe.platform_parked where message_id = '{id}' and state = 'dead'"));
        Assert.Empty(await _probe.AppliedAsync("w-poison"));
        var dead = TopicReader.ReadAll(_infra.Broker.BootstrapServers, _probe.DeadLetterTopic, TimeSpan.FromSeconds(1));
        Assert.Single(dead, m => m.Message.Key == "w-poison");
        Assert.Equal(0, await _probe.ScalarAsync($"select count(*) from probe.platform_inbox where message_id = '{id}'"));
    }

    [Fact]
    public async Task MessageOfATypeNobodyHandlesIsSkipped()
    {
        var unknown = Envelope("w-unknown", Guid.NewGuid()) with { Type = "test.something-else" };
        await ProduceAsync("w-unknown", unknown, Payload("w-unknown", 1));
        await ProduceAsync("w-unknown", Envelope("w-unknown", Guid.NewGuid()), Payload("w-unknown", 2));

        var applied = await Eventually.Until(() => _probe.AppliedAsync("w-unknown"), s => s.Contains(2), because: "the known message");
        Assert.Equal([2], applied);
        var dead = TopicReader.ReadAll(_infra.Broker.BootstrapServers, _probe.DeadLetterTopic, TimeSpan.FromMilliseconds(500));
        Assert.DoesNotContain(dead, m => m.Message.Key == "w-unknown");
    }

    private static EventEnvelope Envelope(string key, Guid id) =>
        new(id, "test.widget-changed", 1, key, DateTimeOffset.UtcNow, "corr-" + key, null, null, null);

    private static byte[] Payload(string widgetId, int sequence) =>
        Encoding.UTF8.GetBytes($$"""{"widgetId":"{{widgetId}}","sequence":{{sequence}},"poison":false}""");

    private async Task ProduceAsync(string key, EventEnvelope envelope, byte[] payload)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = _infra.Broker.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
        }).Build();
        await producer.ProduceAsync(_probe.Topic, new Message<string, byte[]> { Key = key, Value = payload, Headers = envelope.ToHeaders() });
    }
}
