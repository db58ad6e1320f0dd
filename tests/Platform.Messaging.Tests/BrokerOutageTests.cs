using Platform.EmbeddedKafka;
using Platform.Testing;
using Xunit;

namespace Platform.Messaging.Tests;

/// <summary>
/// A committed change whose publish failed because the broker was down is published once it is back.
/// Uses a broker of its own: taking the shared one down would disturb the other test classes.
/// </summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private EmbeddedKafkaBroker _broker = null!;
    private ProbeHost _probe = null!;

    public async Task InitializeAsync()
    {
        var infra = await TestInfrastructure.GetAsync();
        _broker = EmbeddedKafkaBroker.Start(brokerCount: 1);
        var database = await infra.CreateDatabaseAsync(nameof(BrokerOutageTests));
        _probe = await ProbeHost.StartAsync(
            database, _broker.BootstrapServers, infra.CreateTopicNamespace(_broker),
            new Dictionary<string, string?> { ["Messaging:ProduceTimeout"] = "00:00:02" });
    }

    public async Task DisposeAsync()
    {
        await _probe.DisposeAsync();
        _broker.Dispose();
    }

    [Fact]
    public async Task EventCommittedWhileBrokerIsDownIsPublishedWhenItReturns()
    {
        await _probe.PublishAsync("w-before", 1);
        await Eventually.Until(async () => (await _probe.AppliedAsync("w-before")).Count == 1, because: "the broker to work before the outage");

        _broker.SetAllBrokersDown();
        var id = await _probe.PublishAsync("w-outage", 1);
        await Eventually.Until(
            () => _probe.ScalarAsync($"select attempts from probe.platform_outbox where message_id = '{id}'"),
            attempts => attempts >= 1,
            because: "the relay to fail at least once while the broker is down");
        Assert.Equal(0, await _probe.ScalarAsync($"select count(*) from probe.platform_outbox where message_id = '{id}' and published_at is not null"));
        Assert.Empty(await _probe.AppliedAsync("w-outage"));

        _broker.SetAllBrokersUp();
        await Eventually.Until(async () => (await _probe.AppliedAsync("w-outage")).Count == 1, TimeSpan.FromSeconds(90), "the event after the broker returned");
        Assert.Equal(1, await _probe.ScalarAsync($"select count(*) from probe.platform_outbox where message_id = '{id}' and published_at is not null"));
        Assert.Equal([1], await _probe.AppliedAsync("w-outage"));
    }
}
