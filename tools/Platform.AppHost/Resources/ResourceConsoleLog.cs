using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost.Resources;

/// <summary>
/// Writes each resource's state changes (and the demo seeder's own output) to the app host console, so a
/// run without the dashboard still shows what started, what became healthy and what failed, with the last
/// lines a failed resource wrote.
/// </summary>
/// <remarks>
/// Implementation note: the watch starts in <see cref="StartingAsync"/>, before any hosted service's start,
/// because Aspire's orchestrator does not finish starting until every <c>WaitFor</c> is satisfied; a plain
/// background service would only begin once everything was up, and say nothing about what is stuck.
/// </remarks>
internal sealed class ResourceConsoleLog(
    ResourceNotificationService notifications,
    ResourceLoggerService resourceLogs,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers)
    : IHostedLifecycleService, IDisposable
{
    private const int FailureTailLines = 30;
    private readonly ILogger _logger = loggers.CreateLogger("Platform.AppHost");
    private readonly CancellationTokenSource _stopping = new();
    private Task _watching = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _watching = WatchAsync(_stopping.Token);
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

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        var lastState = new Dictionary<string, string>(StringComparer.Ordinal);
        var forwardedInstances = new HashSet<string>(StringComparer.Ordinal);
        var forwarding = new List<Task>();
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                if (change.Resource is ParameterResource || change.Snapshot.IsHidden || Describe(change.Snapshot) is not { } state)
                {
                    continue;
                }

                if (lastState.GetValueOrDefault(change.Resource.Name) != state)
                {
                    lastState[change.Resource.Name] = state;
                    _logger.LogInformation("{Resource}: {State}", change.Resource.Name, state);
                    if (HasFailed(change.Snapshot) && !lifetime.ApplicationStopping.IsCancellationRequested)
                    {
                        forwarding.Add(LogFailureTailAsync(change.Resource.Name, change.ResourceId, stoppingToken));
                    }
                }

                // Output is kept per running instance (the resource id), not per resource name.
                if (change.Resource.Name == PlatformResourceExtensions.DemoSeederName && forwardedInstances.Add(change.ResourceId))
                {
                    forwarding.Add(ForwardOutputAsync(change.Resource.Name, change.ResourceId, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(forwarding);
    }

    private static string? Describe(CustomResourceSnapshot snapshot) => snapshot.State?.Text switch
    {
        null or "" => null,
        var state when snapshot.ExitCode is { } exitCode => $"{state} (exit code {exitCode})",
        var state when state == KnownResourceStates.Running && snapshot.HealthStatus is { } health => $"{state}, {health}",
        var state => state,
    };

    private static bool HasFailed(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.FailedToStart || snapshot.ExitCode is { } exitCode && exitCode != 0;

    private async Task LogFailureTailAsync(string resourceName, string resourceId, CancellationToken stoppingToken)
    {
        var lines = new List<LogLine>();
        await foreach (var batch in resourceLogs.GetAllAsync(resourceId).WithCancellation(stoppingToken))
        {
            lines.AddRange(batch);
        }

        _logger.LogError(
            "{Resource} failed; its last output:{NewLine}{Output}",
            resourceName,
            Environment.NewLine,
            string.Join(Environment.NewLine, lines.OrderBy(line => line.LineNumber).TakeLast(FailureTailLines).Select(line => line.Content)));
    }

    private async Task ForwardOutputAsync(string resourceName, string resourceId, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var batch in resourceLogs.WatchAsync(resourceId).WithCancellation(stoppingToken))
            {
                foreach (var line in batch)
                {
                    _logger.LogInformation("{Resource} | {Line}", resourceName, line.Content);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
