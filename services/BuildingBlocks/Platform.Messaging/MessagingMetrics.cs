using Prometheus;

namespace Platform.Messaging;

/// <summary>The messaging metrics dashboards and alerts read (architecture.md §7).</summary>
internal static class MessagingMetrics
{
    public static readonly Counter Published = Metrics.CreateCounter(
        "messaging_published_total", "Integration events acknowledged by Kafka.", "topic", "type");

    public static readonly Counter PublishFailures = Metrics.CreateCounter(
        "messaging_publish_failures_total", "Publish attempts Kafka did not acknowledge (retried later).", "topic");

    public static readonly Gauge OutboxBacklog = Metrics.CreateGauge(
        "messaging_outbox_backlog", "Committed events not yet acknowledged by Kafka.");

    public static readonly Gauge OutboxOldestAge = Metrics.CreateGauge(
        "messaging_outbox_oldest_age_seconds", "Age of the oldest unpublished outbox event.");

    public static readonly Gauge OutboxParked = Metrics.CreateGauge(
        "messaging_outbox_parked", "Outbox rows the relay gave up on after repeated failures of their own; each holds its key (alert on > 0).");

    public static readonly Histogram RelayLatency = Metrics.CreateHistogram(
        "messaging_relay_latency_seconds", "From the event's commit to Kafka's acknowledgement.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });

    public static readonly Counter Consumed = Metrics.CreateCounter(
        "messaging_consumed_total", "Messages consumed, by outcome (applied, duplicate, ignored, dead_lettered).", "topic", "type", "outcome");

    public static readonly Gauge ConsumerLag = Metrics.CreateGauge(
        "messaging_consumer_lag", "Messages behind the partition's high watermark.", "topic", "partition");

    public static readonly Gauge AssignedPartitions = Metrics.CreateGauge(
        "messaging_consumer_assigned_partitions", "Partitions the group gave this consumer worker; a worker at 0 while others hold several is idle.", "worker");

    public static readonly Counter DeadLetters = Metrics.CreateCounter(
        "messaging_dead_letters_total", "Messages sent to the dead-letter topic.", "topic");

    public static readonly Counter Parked = Metrics.CreateCounter(
        "messaging_parked_total", "Messages parked, by why: not_ready (the handler's dependency has not arrived) or behind (an earlier message of the key is held).", "topic", "type", "why");

    public static readonly Counter Released = Metrics.CreateCounter(
        "messaging_released_total", "Parked messages applied on a later try.", "topic", "type");

    public static readonly Gauge ParkedMessages = Metrics.CreateGauge(
        "messaging_parked_messages", "Messages in the park now, by state (waiting, dead: a dead letter holding its key).", "state");

    public static readonly Gauge ParkedOldestAge = Metrics.CreateGauge(
        "messaging_parked_oldest_age_seconds", "Age of the oldest parked message.");

    public static readonly Histogram HandlerDuration = Metrics.CreateHistogram(
        "messaging_handler_duration_seconds", "Time to apply one message, transaction included.", "type");
}
