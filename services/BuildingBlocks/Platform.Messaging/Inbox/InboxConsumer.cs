using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Messaging.Kafka;

namespace Platform.Messaging.Inbox;

/// <summary>
/// The service's Kafka consumers: <c>Messaging:ConsumerWorkers</c> members of the service's consumer group, each a
/// <see cref="ConsumerWorker"/> with its own client, loop and database transaction, so the partitions of the
/// subscribed topics are applied side by side.
/// </summary>
/// <remarks>
/// Implementation note: Kafka gives each partition to exactly one member of a group, and a key always lands in the same
/// partition, so one key's messages are still applied by one loop, in order, exactly as with one consumer; several
/// workers in one replica are what several replicas already were (the fund's two-replica test), only without the
/// second process. A worker that gets no partition (more workers than partitions) just polls.
/// </remarks>
public sealed class InboxConsumer(
    KafkaClientFactory kafka, InboxProcessor processor, Health.RelayProgress progress, IOptions<MessagingOptions> options, ILoggerFactory loggers)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Math.Max(1, options.Value.ConsumerWorkers);

        // Each worker blocks a pool thread in Kafka's Consume while it waits; the pool gets them up front instead of
        // discovering the starvation one thread per half second while requests and database continuations queue.
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.SetMinThreads(minWorkers + workers, minIo);
        var logger = loggers.CreateLogger<ConsumerWorker>();
        return Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(
            () => new ConsumerWorker(kafka, processor, progress, options.Value, worker, logger).ConsumeAsync(stoppingToken),
            stoppingToken)));
    }
}
