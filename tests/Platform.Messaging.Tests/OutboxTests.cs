using System.Text;
using JasperFx;
using Marten;
using Platform.Messaging.Envelope;
using Platform.Testing;
using Xunit;

namespace Platform.Messaging.Tests;

/// <summary>The outbox side: what is committed is published, what rolls back is not.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private TestInfrastructure _infra = null!;
    private ProbeHost _probe = null!;

    public async Task InitializeAsync()
    {
        _infra = await TestInfrastructure.GetAsync();
        var database = await _infra.CreateDatabaseAsync(nameof(OutboxTests));
        _probe = await ProbeHost.StartAsync(database, _infra.Broker.BootstrapServers, _infra.CreateTopicNamespace());
    }

    public async Task DisposeAsync() => await _probe.DisposeAsync();

    [Fact]
    public async Task CommittedEventIsPublishedWithItsEnvelopeAndApplied()
    {
        var messageId = await _probe.PublishAsync("w-committed", 1);

        await Eventually.Until(async () => (await _probe.AppliedAsync("w-committed")).Count == 1, because: "the event to be applied");
        var published = TopicReader.ReadAll(_infra.Broker.BootstrapServers, _probe.Topic, TimeSpan.FromSeconds(1))
            .Where(m => m.Message.Key == "w-committed").ToList();
        var message = Assert.Single(published);
        var envelope = EventEnvelope.FromHeaders(message.Message.Headers, out var problem);
        Assert.Null(problem);
        Assert.Equal(messageId, envelope!.MessageId);
        Assert.Equal("test.widget-changed", envelope.Type);
        Assert.Equal(1, envelope.SchemaVersion);
        Assert.Equal("w-committed", envelope.AggregateId);
        Assert.Contains("\"widgetId\":\"w-committed\"", Encoding.UTF8.GetString(message.Message.Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RolledBackChangePublishesNothing()
    {
        await using (var first = _probe.Store.LightweightSession())
        {
            first.Insert(new WidgetLog { Id = "w-existing" });
            await first.SaveChangesAsync();
        }

        await using (var failing = _probe.Store.LightweightSession())
        {
            failing.Insert(new WidgetLog { Id = "w-existing" });
            _probe.Services.GetOutbox().Enqueue(failing, "w-rolled-back", new WidgetChanged("w-rolled-back", 1));
            await Assert.ThrowsAsync<DocumentAlreadyExistsException>(() => failing.SaveChangesAsync());
        }

        await _probe.PublishAsync("w-after", 1);
        await Eventually.Until(async () => (await _probe.AppliedAsync("w-after")).Count == 1, because: "the later event to be applied");
        var published = TopicReader.ReadAll(_infra.Broker.BootstrapServers, _probe.Topic, TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(published, m => m.Message.Key == "w-rolled-back");
        Assert.Empty(await _probe.AppliedAsync("w-rolled-back"));
        Assert.Equal(0, await _probe.ScalarAsync("select count(*) from probe.platform_outbox where message_key = 'w-rolled-back'"));
    }

    [Fact]
    public async Task EventsOfOneKeyAreAppliedInTheOrderTheyWereCommitted()
    {
        const int perKey = 40;
        var keys = Enumerable.Range(1, 5).Select(i => $"w-order-{i}").ToList();

        await Task.WhenAll(keys.Select(async key =>
        {
            for (var sequence = 1; sequence <= perKey; sequence++)
            {
                await _probe.PublishAsync(key, sequence);
            }
        }));

        foreach (var key in keys)
        {
            var applied = await Eventually.Until(() => _probe.AppliedAsync(key), s => s.Count >= perKey, because: $"all events of {key}");
            Assert.Equal(Enumerable.Range(1, perKey), applied);
        }
    }
}

internal static class ServiceProviderExtensions
{
    public static Outbox.EventOutbox GetOutbox(this IServiceProvider services) =>
        (Outbox.EventOutbox)services.GetService(typeof(Outbox.EventOutbox))!;
}
