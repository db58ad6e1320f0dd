using System.Text;
using Confluent.Kafka;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Messaging.Envelope;
using Platform.Messaging.Kafka;
using Polly;
using Polly.Retry;

namespace Platform.Messaging.Inbox;

/// <summary>
/// Where messages go that could not be applied: a <see cref="DeadLetter"/> record in the service's store
/// (the source of replays) and the consumer group's dead-letter topic (visible to any tool).
/// The record is retried until it is written, so a dead letter is never lost; the topic copy is retried a few times
/// and then given up with an error log (the record is already durable, and an unbounded retry would stall the consumer
/// behind a broken producer).
/// </summary>
public sealed class DeadLetterQueue : IDisposable
{
    private readonly IDocumentStore _store;
    private readonly MessagingOptions _options;
    private readonly ILogger<DeadLetterQueue> _logger;
    private readonly HealingProducer _producer;
    private readonly ResiliencePipeline _produceRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(200),
        })
        .Build();

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(30),
        })
        .Build();

    public DeadLetterQueue(IDocumentStore store, KafkaClientFactory kafka, IOptions<MessagingOptions> options, ILogger<DeadLetterQueue> logger)
    {
        (_store, _options, _logger) = (store, options.Value, logger);
        _producer = new HealingProducer(kafka, "dead-letters", logger);
    }

    /// <param name="alsoInTransaction">More to write in the dead letter's transaction (its place in the park, which holds its key).</param>
    public async Task SendAsync(
        IncomingMessage message, Guid? messageId, string reason, int attempts, Action<IDocumentSession>? alsoInTransaction, CancellationToken cancellationToken)
    {
        var letter = new DeadLetter
        {
            Id = messageId ?? Guid.CreateVersion7(),
            Topic = message.Topic,
            Partition = message.Partition,
            Offset = message.Offset,
            Key = message.Key,
            Headers = message.Headers.ToDictionary(h => h.Key, h => Encoding.UTF8.GetString(h.GetValueBytes())),
            Payload = Encoding.UTF8.GetString(message.Payload),
            Reason = reason,
            Attempts = attempts,
            FailedAt = DateTimeOffset.UtcNow,
        };
        await _retry.ExecuteAsync(async token =>
        {
            await using var session = _store.LightweightSession();
            session.Store(letter);
            alsoInTransaction?.Invoke(session);
            await session.SaveChangesAsync(token);
        }, cancellationToken);

        var headers = new Headers();
        foreach (var header in message.Headers)
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        headers.Add(HeaderNames.DeadLetterReason, Encoding.UTF8.GetBytes(reason));
        headers.Add(HeaderNames.DeadLetterSource, Encoding.UTF8.GetBytes($"{message.Topic}/{message.Partition}/{message.Offset}"));
        try
        {
            await _produceRetry.ExecuteAsync(
                async token =>
                {
                    _producer.HealIfFatal();
                    try
                    {
                        await _producer.Current.ProduceAsync(
                            _options.DeadLetterTopic, new Message<string, byte[]> { Key = message.Key!, Value = message.Payload, Headers = headers }, token);
                    }
                    catch (KafkaException ex)
                    {
                        _producer.Observe(ex.Error);
                        throw;
                    }
                },
                cancellationToken);
        }
        catch (KafkaException ex)
        {
            _logger.LogError(ex, "Dead letter {MessageId} is recorded but could not be copied to {Topic}", letter.Id, _options.DeadLetterTopic);
        }

        MessagingMetrics.DeadLetters.WithLabels(message.Topic).Inc();
        _logger.LogError("Dead-lettered message {MessageId} from {Topic}/{Partition}/{Offset}: {Reason}",
            letter.Id, message.Topic, message.Partition, message.Offset, reason);
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
