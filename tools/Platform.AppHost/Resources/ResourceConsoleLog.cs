using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost.Resources;

/// <summary>
/// Writes each resource's state changes (and the demo seeder's own output) to the app host console, so a
/// run without the dashboard still shows what started, what became healthy and what failed.
/// </summary>
/// <remarks>
/// Implementation note: the watch starts in <see cref="StartingAsync"/>, before any hosted service's start,
/// because Aspire's orchestrator does not finish starting until every <c>WaitFor</c> is satisfied; a plain
/// background service would only begin once everything was up, and say nothing about what is stuck.
/// </remarks>
internal sealed class ResourceConsoleLog(
    ResourceNotificationService notifications, ResourceLoggerService resourceLogs, ILogger<ResourceConsoleLog> logger)
    : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _watching = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _watching = Task.WhenAll(WatchStatesAsync(_stopping.Token), ForwardSeederOutputAsync(_stopping.Token));
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _watching.WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task WatchStatesAsync(CancellationToken stoppingToken)
    {
        var lastSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                if (change.Resource is ParameterResource)
                {
                    continue;
                }

                var described = Describe(change.Snapshot);
                if (lastSeen.GetValueOrDefault(change.Resource.Name) != described)
                {
                    lastSeen[change.Resource.Name] = described;
                    logger.LogInformation("{Resource}: {State}", change.Resource.Name, described);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static string Describe(CustomResourceSnapshot snapshot)
    {
        var state = snapshot.State?.Text is { Length: > 0 } text ? text : "Pending";
        return snapshot.ExitCode is { } exitCode ? $"{state} (exit code {exitCode})"
            : state == KnownResourceStates.Running && snapshot.HealthStatus is { } health ? $"{state}, {health}"
            : state;
    }

    private async Task ForwardSeederOutputAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var batch in resourceLogs.WatchAsync(PlatformResourceExtensions.DemoSeederName).WithCancellation(stoppingToken))
            {
                foreach (var line in batch)
                {
                    logger.LogInformation("{Resource} | {Line}", PlatformResourceExtensions.DemoSeederName, line.Content);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
