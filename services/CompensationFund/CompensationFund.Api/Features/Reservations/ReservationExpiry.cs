using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;

namespace CompensationFund.Api.Features.Reservations;

/// <summary>
/// Releases reservations whose time ran out (TigerBeetle's pending-transfer timeout): each expiry is a
/// <see cref="ReservationVoided"/> with reason <c>expired</c>, appended at the reservation's version, so a post racing
/// the sweeper either wins (and the sweeper skips it) or loses with 409.
/// </summary>
public sealed class ReservationExpiry(IDocumentStore store, FundLedger ledger, IConfiguration configuration, ILogger<ReservationExpiry> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Fund:ExpirySweepInterval", TimeSpan.FromSeconds(5));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reservation expiry sweep failed; retrying next tick");
            }
        }
    }

    /// <summary>Expires every reservation due by now; returns how many were released.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<PendingReservation> due;
        await using (var query = store.QuerySession())
        {
            var now = ledger.Now;
            due = await query.Query<PendingReservation>().Where(r => r.ExpiresAt <= now).OrderBy(r => r.ExpiresAt).Take(200).ToListAsync(cancellationToken);
        }

        var released = 0;
        foreach (var reservation in due)
        {
            await using var session = store.LightweightSession();
            var entry = await ledger.LoadAsync(session, reservation.Id, cancellationToken);
            session.Delete<PendingReservation>(reservation.Id);
            LedgerChange[] changes = entry?.Expire(ledger.Today, ledger.Now) is { } expired ? [LedgerChange.Decision(entry, expired)] : [];
            ledger.Record(session, changes);
            try
            {
                await ledger.CommitAsync(session, changes, cancellationToken);
                released += changes.Length;
            }
            catch (FundRuleException ex)
            {
                logger.LogInformation("Reservation {EntryId} was decided while expiring: {Reason}", reservation.Id, ex.Message);
            }
        }

        return released;
    }
}
