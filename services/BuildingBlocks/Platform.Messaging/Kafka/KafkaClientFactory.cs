using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace Platform.Messaging.Kafka;

/// <summary>
/// Kafka clients with the settings money needs (architecture.md §3, environment.md): an idempotent
/// producer with <c>acks=all</c>, and consumers that never auto-commit and start from the earliest offset.
/// </summary>
public sealed class KafkaClientFactory(IOptions<MessagingOptions> options)
{
    private readonly MessagingOptions _options = options.Value;

    /// <param name="onError">Sees the client's errors, among them fatal ones after which the producer must be rebuilt.</param>
    public IProducer<string, byte[]> CreateProducer(string purpose, Action<IProducer<string, byte[]>, Error>? onError = null)
    {
        var builder = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = _options.BootstrapServers,
            ClientId = $"{_options.ServiceName}-{purpose}",
            EnableIdempotence = true,
            Acks = Acks.All,
            MaxInFlight = 5,
            LingerMs = 2,
            MessageTimeoutMs = (int)_options.ProduceTimeout.TotalMilliseconds,
            CompressionType = CompressionType.None,
            MessageMaxBytes = _options.MaxMessageBytes + 64 * 1024,

            // A failure that would leave a gap in one partition's sequence is fatal instead of silent, so a later event
            // can never be acknowledged after an earlier one was lost; the fatal producer is then rebuilt (HealingProducer).
            EnableGaplessGuarantee = true,
        });
        if (onError is not null)
        {
            builder.SetErrorHandler(onError);
        }

        return builder.Build();
    }

    /// <param name="worker">Which of the replica's consumer workers (<c>Messaging:ConsumerWorkers</c>) the client is, for its client id.</param>
    public IConsumer<string, byte[]> CreateConsumer(int worker = 0, Action<ConsumerBuilder<string, byte[]>>? configure = null)
    {
        var builder = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = _options.BootstrapServers,
            GroupId = _options.ConsumerGroup,
            ClientId = $"{_options.ServiceName}-consumer-{worker}",
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = false,
            SessionTimeoutMs = 10000,
            HeartbeatIntervalMs = 1000,
            FetchWaitMaxMs = 50,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
        });
        configure?.Invoke(builder);
        return builder.Build();
    }

    public IAdminClient CreateAdmin() =>
        new AdminClientBuilder(new AdminClientConfig { BootstrapServers = _options.BootstrapServers }).Build();
}
