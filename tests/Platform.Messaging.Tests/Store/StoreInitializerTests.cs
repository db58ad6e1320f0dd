using Platform.Testing;
using Xunit;

namespace Platform.Messaging.Tests.Store;

/// <summary>Replicas that start together on a database with no schema yet: one creates it, the others wait, all start.</summary>
public sealed class StoreInitializerTests
{
    [Fact]
    public async Task ThreeReplicasStartingTogetherOnAFreshDatabaseAllStart()
    {
        var infra = await TestInfrastructure.GetAsync();
        var database = await infra.CreateDatabaseAsync(nameof(StoreInitializerTests));
        var topics = infra.CreateTopicNamespace();

        var replicas = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ProbeHost.StartAsync(database, infra.Broker.BootstrapServers, topics)));
        try
        {
            await replicas[0].PublishAsync("w-replicas", 1);
            await Eventually.Until(async () => (await replicas[2].AppliedAsync("w-replicas")).Count == 1, because: "the replicas to share one working schema");
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }
}
