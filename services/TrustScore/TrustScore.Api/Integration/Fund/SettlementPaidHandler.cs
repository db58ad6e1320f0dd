using Marten;
using Platform.Contracts.CostSharing;
using Platform.Contracts.Fund;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Integration.Fund;

/// <summary>
/// The fund's ledger verified a settlement payment in: it fulfils the city's settlement commitment, in full or in part,
/// on time or late (partial and late payments count partly). Payments out are the fund's, not the city's.
/// </summary>
public sealed class SettlementPaidHandler(ScoreRecalculation scores, TrustClock clock) : IIntegrationEventHandler<SettlementPaid>
{
    public async Task HandleAsync(SettlementPaid paid, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (paid.Direction != SettlementDirections.PayIn)
        {
            return;
        }

        var root = (await session.LoadAsync<AllocationRecord>(paid.AllocationId, cancellationToken))?.RootId
            ?? throw new MessageNotReadyException($"allocation {paid.AllocationId} is not known yet");
        var commitment = await session.LoadAsync<Commitment>(AllocationRecord.CommitmentId(root, paid.CityId), cancellationToken)
            ?? throw new MessageNotReadyException($"no settlement commitment of {paid.CityId} for allocation {root} yet");

        // The event carries no payment id; what stays outstanding after it is unique per payment of one position.
        var reference = FormattableString.Invariant($"settlement-paid:{paid.PaidOn:yyyy-MM-dd}:{paid.Amount}:{paid.Outstanding}");
        if (commitment.RecordPayment(new CommitmentPayment(reference, paid.Amount, paid.PaidOn, paid.DaysLate, clock.Now), paid.Complete))
        {
            session.Store(commitment);
            await scores.RecomputeAsync(session, paid.CityId, clock.Now, paid.Complete ? "settlement paid" : "settlement paid in part", cancellationToken);
        }
    }
}
