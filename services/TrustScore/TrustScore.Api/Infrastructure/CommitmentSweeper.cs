using Marten;
using Microsoft.Extensions.Options;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;

namespace TrustScore.Api.Infrastructure;

/// <summary>
/// Drives what happens by the passing of time: open commitments past their due date and grace period
/// default; a repair whose waiting period has ended lifts tier D; and every so often the whole alliance is recomputed.
/// Reads the injectable <see cref="TrustClock"/>, so tests can move time.
/// </summary>
public sealed class CommitmentSweeper(
    IDocumentStore store, ScoreRecalculation scores, AllianceRecomputation alliance, TrustPolicy policy, TrustClock clock,
    IOptions<TrustOptions> options, ILogger<CommitmentSweeper> logger) : BackgroundService
{
    private const int Batch = 200;

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var now = clock.Now;
        var cutoff = now - policy.GracePeriod;
        var overdue = await session.Query<Commitment>().Where(c => c.Status == CommitmentStatus.Open && c.DueAt < cutoff).Take(Batch).ToListAsync(cancellationToken);
        var defaulted = overdue.Where(c => c.DefaultIfOverdue(now, policy.GracePeriod)).ToList();
        session.Store(defaulted.ToArray());
        var cities = new HashSet<string>(defaulted.Select(c => c.Debtor), StringComparer.Ordinal);
        var reviews = await session.Query<TrustRecord>().Where(t => t.ReviewAt != null && t.ReviewAt <= now).Take(Batch).ToListAsync(cancellationToken);
        cities.UnionWith(reviews.Select(r => r.CityId));
        foreach (var city in cities)
        {
            await scores.RecomputeAsync(session, city, now, defaulted.Any(c => c.Debtor == city) ? "default after the grace period" : "repair waiting period served", cancellationToken);
        }

        await session.SaveChangesAsync(cancellationToken);
        return defaulted.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastFull = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var defaulted = await SweepAsync(stoppingToken);
                if (defaulted > 0)
                {
                    logger.LogInformation("Defaulted {Count} overdue commitments", defaulted);
                }

                if (clock.Now - lastFull >= options.Value.FullRecomputeInterval)
                {
                    var changed = await alliance.RunAsync(stoppingToken);
                    lastFull = clock.Now;
                    logger.LogInformation("Recomputed the alliance's trust: {Changed} cities changed", changed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Trust sweep failed; retrying at the next interval");
            }
        }
    }
}
