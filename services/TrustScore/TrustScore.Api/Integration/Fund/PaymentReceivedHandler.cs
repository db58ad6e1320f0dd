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
public sealed class PaymentReceivedHandler(ScoreRecalculation scores, TrustClock clock)
    : IIntegrationEventHandler<PaymentReceived>
{
    public async Task HandleAsync(PaymentReceived received, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (received.Purpose != PaymentPurposes.Contribution || received.ObligationId is not { } obligation || received.Applied <= 0)
        {
            return;
        }

        // The fund publishes a call and its payments under the city's key, so the call's commitment is normally here first. A
        // payment that matches none waits (parked, retried in order) rather than being dropped, or the city's kept promise
        // would be lost for good.
        var commitment = await FindAsync(session, received, obligation, cancellationToken)
            ?? throw new MessageNotReadyException(
                $"payment {received.PaymentId} of {received.CityId} names obligation {obligation}, which no contribution commitment matches yet");

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
