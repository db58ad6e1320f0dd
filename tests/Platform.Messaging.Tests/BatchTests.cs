using System.Net;
using Platform.Testing;
using Xunit;

namespace Platform.Messaging.Tests;

/// <summary>
/// A poll's worth of messages applies in one transaction, with the inbox rows claimed up front: a message that fails in
/// the middle must leave the ones after it (claimed with it) to be applied once, not taken for duplicates.
/// </summary>
public sealed class BatchTests : IAsyncLifetime
{
    private ProbeHost _probe = null!;

    public async Task InitializeAsync()
    {
        var infra = await TestInfrastructure.GetAsync();
        var database = await infra.CreateDatabaseAsync(nameof(BatchTests));
        _probe = await ProbeHost.StartAsync(database, infra.Broker.BootstrapServers, infra.CreateTopicNamespace());
    }

    public async Task DisposeAsync() => await _probe.DisposeAsync();

    [Fact]
    public async Task MessagesAfterOneThatFailsInTheSameBatchAreAppliedOnceAndInOrder()
    {
        var others = Enumerable.Range(0, 24).Select(i => new WidgetChanged($"w-batch-{i}", 1)).ToArray();
        var ids = await _probe.PublishTogetherAsync(
            [new("w-batch", 1), new("w-batch", 2, Poison: true), new("w-batch", 3), .. others, new("w-batch", 4)]);

        foreach (var other in others)
        {
            Assert.Equal([1], await Eventually.Until(() => _probe.AppliedAsync(other.WidgetId), a => a.Count > 0, because: $"{other.WidgetId} to apply past the poison"));
        }

        await Eventually.Until(
            () => _probe.ScalarAsync($"select count(*) from probe.platform_parked where message_key = 'w-batch'"), n => n == 3, because: "the poison to hold its key");
        Assert.Equal([1], await _probe.AppliedAsync("w-batch"));
        Assert.Equal(0, await _probe.ScalarAsync($"select count(*) from probe.platform_inbox where message_id in ('{ids[1]}', '{ids[2]}', '{ids[^1]}')"));

        await _probe.PublishAsync("cure-w-batch", 1);
        await Eventually.Until(async () => (await _probe.AppliedAsync("cure-w-batch")).Count == 1, because: "the cure");
        using var coordinator = _probe.Coordinator();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/probe/admin/dead-letters/{ids[1]}/replay", null)).StatusCode);

        Assert.Equal([1, 2, 3, 4], await Eventually.Until(() => _probe.AppliedAsync("w-batch"), a => a.Count == 4, because: "the messages behind the replayed poison"));
        Assert.Equal(ids.Count, await _probe.ScalarAsync($"select count(*) from probe.platform_inbox where message_id = any(array[{string.Join(",", ids.Select(i => $"'{i}'::uuid"))}])"));
    }
}
