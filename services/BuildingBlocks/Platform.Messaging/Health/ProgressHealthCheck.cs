using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Platform.Messaging.Health;

/// <summary>Ready only while the relay and the consumer that run in this replica keep making progress.</summary>
internal sealed class ProgressHealthCheck(RelayProgress progress, IOptions<MessagingOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var stalled = new List<string>();
        if (settings.RelayEnabled && settings.PublishTopic is not null && now - progress.LastRelayProgress > settings.StalledAfter)
        {
            stalled.Add($"the outbox relay has made no progress since {progress.LastRelayProgress:O}");
        }

        if (settings.ConsumerEnabled && settings.SubscribedTopics.Count > 0 && now - progress.LastConsumerPoll > settings.StalledAfter)
        {
            stalled.Add($"the consumer has not polled since {progress.LastConsumerPoll:O}");
        }

        return Task.FromResult(stalled.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(string.Join("; ", stalled)));
    }
}
