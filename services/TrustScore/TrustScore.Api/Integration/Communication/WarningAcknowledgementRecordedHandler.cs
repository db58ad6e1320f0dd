using Marten;
using Platform.Contracts.Communication;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Integration.Communication;

/// <summary>
/// A reached city's duty to acknowledge a risk warning in time (domain.md §3.5), weighted by the warning's level: on
/// time counts fully, late partly (the credit halves every day), missed not at all.
/// </summary>
public sealed class WarningAcknowledgementRecordedHandler(ScoreRecalculation scores, TrustClock clock) : IIntegrationEventHandler<WarningAcknowledgementRecorded>
{
    public async Task HandleAsync(WarningAcknowledgementRecorded recorded, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var id = $"warning-acknowledgement:{recorded.WarningId}:{recorded.CityId}";
        if (await session.LoadAsync<Commitment>(id, cancellationToken) is not null)
        {
            return;
        }

        await Members.RequireAsync(session, recorded.CityId, cancellationToken);
        var commitment = Commitment.Open(
            id, recorded.CityId, ["coordinating-body"], CommitmentKind.WarningAcknowledgement, TrustPolicy.WeightOfWarning(recorded.Level), VerificationSource.ThirdParty,
            $"Acknowledge {recorded.Level} warning {recorded.WarningId}", recorded.DueAt, recorded.DueAt, recorded.WarningId.ToString());
        var (fulfilment, at) = recorded.AcknowledgedAt is { } acknowledged && recorded.Outcome != "missed"
            ? (Timeliness.Credit(acknowledged - recorded.DueAt, Timeliness.ReportHalfLife), acknowledged)
            : (0.0, recorded.DueAt);
        commitment.Settle(fulfilment, at, $"Acknowledgement {recorded.Outcome}.", envelope.MessageId.ToString());
        session.Store(commitment);
        await scores.RecomputeAsync(session, recorded.CityId, clock.Now, "warning acknowledgement recorded", cancellationToken);
    }
}
