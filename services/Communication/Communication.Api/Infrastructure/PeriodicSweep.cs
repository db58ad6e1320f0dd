namespace Communication.Api.Infrastructure;

/// <summary>
/// A background job that sweeps every <see cref="Interval"/>: a failed pass (the database restarting, a lost race) is
/// logged and the next interval tries again, so one failure never stops the sweeping. Each sweep is safe to run on
/// several replicas at once; the subclass says why.
/// </summary>
public abstract class PeriodicSweep(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Interval { get; }

    /// <returns>How many items the pass settled or published.</returns>
    public abstract Task<int> SweepAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "{Sweep} failed; trying again next interval", GetType().Name);
            }

            await Task.Delay(Interval, Clock, stoppingToken);
        }
    }
}
