using Prometheus;

namespace Communication.Api.Infrastructure;

/// <summary>The business metrics the platform needs: warnings by level, time to acknowledge, feed connections, webhook failures, stale snapshots.</summary>
public static class CommunicationMetrics
{
    public static readonly Counter Warnings = Metrics.CreateCounter(
        "communication_warnings_total", "Warnings issued, by level and CAP message type.",
        new CounterConfiguration { LabelNames = ["level", "msg_type"] });

    public static readonly Histogram TimeToAcknowledge = Metrics.CreateHistogram(
        "communication_acknowledgement_seconds", "Time from a warning's receipt to a reached city's acknowledgement, by level.",
        new HistogramConfiguration { LabelNames = ["level"], Buckets = [30, 60, 300, 900, 1800, 3600, 7200, 21600, 86400] });

    public static readonly Counter Acknowledgements = Metrics.CreateCounter(
        "communication_acknowledgements_total", "Acknowledgement duties settled, by outcome (on-time, late, missed).",
        new CounterConfiguration { LabelNames = ["outcome"] });

    public static readonly Gauge FeedConnections = Metrics.CreateGauge(
        "communication_feed_connections", "Live Server-Sent Events feed connections on this replica.");

    public static readonly Counter WebhookFailures = Metrics.CreateCounter(
        "communication_webhook_failures_total", "Webhook delivery attempts that failed, by whether the delivery was given up.",
        new CounterConfiguration { LabelNames = ["final"] });

    public static readonly Counter StaleSnapshots = Metrics.CreateCounter(
        "communication_stale_snapshots_total", "Base-data snapshots found older than the agreed refresh interval.");
}
