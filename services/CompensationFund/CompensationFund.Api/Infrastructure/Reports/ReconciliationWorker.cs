using Marten;

namespace CompensationFund.Api.Infrastructure.Reports;

/// <summary>
/// Runs queued reconciliation jobs one at a time (docs/compensation-fund.md §9). A job is claimed by writing it as running
/// with a lease under optimistic concurrency, so of two replicas one wins; the lease is renewed with every progress
/// report, and a job whose lease lapsed (its process was killed) is claimed again and run from the start.
/// </summary>
public sealed class ReconciliationWorker(
    IDocumentStore store, ReconciliationReport report, TimeProvider clock, IConfiguration configuration, ILogger<ReconciliationWorker> logger) : BackgroundService
{
    private readonly string _name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    private TimeSpan Lease => configuration.GetValue("Fund:ReconciliationLease", TimeSpan.FromMinutes(2));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Fund:ReconciliationPollInterval", TimeSpan.FromSeconds(1)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reconciliation worker failed to take a job; retrying next tick");
            }
        }
    }

    /// <summary>Claims and runs the oldest claimable job; false when there is none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        if (await ClaimAsync(cancellationToken) is not { } job)
        {
            return false;
        }

        try
        {
            var result = await report.RunAsync(job.Full, p => SaveProgressAsync(job, p, cancellationToken), cancellationToken);
            job.Report = result;
            job.Status = ReconciliationJobStatus.Completed;
        }
        catch (Exception ex) when (ex is JobTakenOverException or JasperFx.ConcurrencyException)
        {
            logger.LogWarning("Reconciliation job {Job} was taken over by another worker", job.Id);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Reconciliation job {Job} failed", job.Id);
            job.Status = ReconciliationJobStatus.Failed;
            job.Error = ex.Message;
        }

        job.CompletedAt = clock.GetUtcNow();
        job.LeaseUntil = null;
        await SaveAsync(job, cancellationToken);
        return true;
    }

    private async Task<ReconciliationJob?> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        var candidates = await session.Query<ReconciliationJob>()
            .Where(j => j.Status == ReconciliationJobStatus.Queued || (j.Status == ReconciliationJobStatus.Running && j.LeaseUntil < now))
            .OrderBy(j => j.RequestedAt).Take(5).ToListAsync(cancellationToken);
        foreach (var job in candidates)
        {
            job.Status = ReconciliationJobStatus.Running;
            job.StartedAt = now;
            job.LeaseUntil = now + Lease;
            job.Worker = _name;
            job.Attempts++;
            job.StepsDone = 0;
            job.EventsFolded = 0;
            session.Store(job);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return job;
            }
            catch (JasperFx.ConcurrencyException)
            {
                session.EjectAllPendingChanges();
            }
        }

        return null;
    }

    private async Task SaveProgressAsync(ReconciliationJob job, ReconciliationProgress progress, CancellationToken cancellationToken)
    {
        (job.Step, job.StepsDone, job.StepsTotal, job.EventsFolded, job.StartedFromPeriod) =
            (progress.Step, progress.StepsDone, progress.StepsTotal, progress.EventsFolded, progress.StartedFromPeriod);
        job.LeaseUntil = clock.GetUtcNow() + Lease;
        await SaveAsync(job, cancellationToken);
    }

    /// <summary>Writes the job if it is still this worker's (the version read when claimed); a worker that lost it gets a concurrency error.</summary>
    private async Task SaveAsync(ReconciliationJob job, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var current = await session.LoadAsync<ReconciliationJob>(job.Id, cancellationToken);
        if (current?.Worker != _name || current.Attempts != job.Attempts)
        {
            throw new JobTakenOverException();
        }

        session.Store(job);
        await session.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The job's lease lapsed and another worker claimed it: this one stops without writing.</summary>
internal sealed class JobTakenOverException : Exception;
