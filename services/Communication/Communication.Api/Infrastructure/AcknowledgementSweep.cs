using Communication.Api.Domain.Acknowledgements;
using Marten;
using JasperFx;
using Microsoft.Extensions.Options;
using Platform.Contracts.Communication;
using Platform.Messaging.Outbox;

namespace Communication.Api.Infrastructure;

/// <summary>
/// Settles overdue acknowledgement duties as missed and publishes each (<c>WarningAcknowledgementRecorded</c>, outcome
/// <c>missed</c>). Duties are stored with optimistic concurrency, so two replicas sweeping at once, or a sweep racing a late
/// acknowledgement, settle each duty once: the loser's transaction fails and it moves on.
/// </summary>
public sealed class AcknowledgementSweep(IDocumentStore store, EventOutbox outbox, TimeProvider clock, IOptions<CommunicationOptions> options, ILogger<AcknowledgementSweep> logger)
    : PeriodicSweep(clock, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    /// <returns>The number of duties settled as missed.</returns>
    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        await using var query = store.QuerySession();
        var overdue = await query.Query<AcknowledgementDuty>()
            .Where(d => d.Outcome == null && d.DueAt < now)
            .OrderBy(d => d.DueAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        var missed = 0;
        foreach (var candidate in overdue)
        {
            // Loaded in the writing session, so the store checks the version it read: one settlement per duty.
            await using var session = store.LightweightSession();
            var duty = await session.LoadAsync<AcknowledgementDuty>(candidate.Id, cancellationToken);
            if (duty is null || !duty.MissIfOverdue(now))
            {
                continue;
            }

            session.Store(duty);
            outbox.Enqueue(session, duty.WarningId.ToString(), new WarningAcknowledgementRecorded(duty.WarningId, duty.CityId, duty.Level, duty.DueAt, null, duty.Outcome!));
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                CommunicationMetrics.Acknowledgements.WithLabels(AcknowledgementDuty.Missed).Inc();
                missed++;
            }
            catch (ConcurrencyException)
            {
                // Settled meanwhile by an acknowledgement or another replica.
            }
        }

        return missed;
    }
}
