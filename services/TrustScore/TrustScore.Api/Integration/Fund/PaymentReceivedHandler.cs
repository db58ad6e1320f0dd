using Marten;
using Platform.Contracts.Fund;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Integration.Fund;

/// <summary>
/// A payment the fund applied to a city's contribution fulfils its contribution commitment (partly when partial or late).
/// The fund names its obligation, not the call; the first payment links the obligation to the city's contribution
/// commitment with the same due date, oldest first.
/// </summary>
public sealed class PaymentReceivedHandler(ScoreRecalculation scores, TrustClock clock, ILogger<PaymentReceivedHandler> logger)
    : IIntegrationEventHandler<PaymentReceived>
{
    public async Task HandleAsync(PaymentReceived received, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (received.Purpose != PaymentPurposes.Contribution || received.ObligationId is not { } obligation || received.Applied <= 0)
        {
            return;
        }

        var commitment = await FindAsync(session, received, obligation, cancellationToken);
        if (commitment is null)
        {
            logger.LogWarning("Payment {PaymentId} of {CityId} names obligation {ObligationId}, which no contribution commitment matches", received.PaymentId, received.CityId, obligation);
            return;
        }

        commitment.ObligationId = obligation;
        var payment = new CommitmentPayment($"payment:{received.PaymentId}:{obligation}", received.Applied, received.ReceivedOn, received.DaysLate, clock.Now);
        if (commitment.RecordPayment(payment, received.SettledInFull))
        {
            session.Store(commitment);
            await scores.RecomputeAsync(session, received.CityId, clock.Now, "contribution paid", cancellationToken);
        }
    }

    private static async Task<Commitment?> FindAsync(IQuerySession session, PaymentReceived received, Guid obligation, CancellationToken cancellationToken)
    {
        var linked = await session.Query<Commitment>().Where(c => c.Debtor == received.CityId && c.ObligationId == obligation).FirstOrDefaultAsync(cancellationToken);
        if (linked is not null || received.DueDate is not { } due)
        {
            return linked;
        }

        var candidates = await session.Query<Commitment>()
            .Where(c => c.Debtor == received.CityId && c.Kind == CommitmentKind.Contribution && c.ObligationId == null)
            .ToListAsync(cancellationToken);
        return candidates.Where(c => c.DueAt == Commitment.EndOf(due)).OrderBy(c => c.OpenedAt).FirstOrDefault();
    }
}
