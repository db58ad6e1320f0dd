using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging.Kafka;

/// <summary>
/// A producer that is replaced when librdkafka reports a fatal error. A fatal error (an idempotence sequence that can
/// no longer be kept gap-free, a fenced producer) leaves the client unusable for good: every later produce fails. The
/// owner calls <see cref="HealIfFatal"/> before each use, so the service heals without a restart.
/// </summary>
public sealed class HealingProducer(KafkaClientFactory kafka, string purpose, ILogger logger) : IDisposable
{
    private readonly Lock _gate = new();
    private IProducer<string, byte[]>? _producer;
    private volatile bool _fatal;

    /// <summary>How many times the producer was rebuilt (for tests and logs).</summary>
    public int Rebuilds { get; private set; }

    public IProducer<string, byte[]> Current
    {
        get
        {
            lock (_gate)
            {
                return _producer ??= kafka.CreateProducer(purpose, OnError);
            }
        }
    }

    /// <summary>Records a fatal error seen on a delivery (the error handler may not have run yet).</summary>
    public void Observe(Error error)
    {
        if (error.IsFatal)
        {
            _fatal = true;
        }
    }

    /// <summary>Disposes a producer that went fatal and builds a new one on next use.</summary>
    public void HealIfFatal()
    {
        if (!_fatal)
        {
            return;
        }

        lock (_gate)
        {
            var broken = _producer;
            _producer = null;
            _fatal = false;
            Rebuilds++;
            logger.LogError("Kafka producer {Purpose} hit a fatal error; rebuilding it", purpose);
            broken?.Dispose();
        }
    }

    public void Flush(TimeSpan timeout)
    {
        lock (_gate)
        {
            _producer?.Flush(timeout);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _producer?.Dispose();
            _producer = null;
        }
    }

    private void OnError(IProducer<string, byte[]> producer, Error error)
    {
        if (error.IsFatal)
        {
            logger.LogError("Fatal Kafka producer error on {Purpose}: {Reason}", purpose, error.Reason);
            _fatal = true;
        }
    }
}
