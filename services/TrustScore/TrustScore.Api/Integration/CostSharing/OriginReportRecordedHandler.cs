using Marten;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Integration.CostSharing;

/// <summary>
/// An origin city's duty to report an incident within its responsibility list's deadline (domain.md §3.1), measured
/// by cost-sharing when the incident opened: kept on time, or late with a credit that halves every day of delay.
/// Established jointly (the city's report, the coordinating body's record).
/// </summary>
public sealed class OriginReportRecordedHandler(ScoreRecalculation scores, TrustClock clock) : IIntegrationEventHandler<OriginReportRecorded>
{
    public async Task HandleAsync(OriginReportRecorded recorded, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var id = $"origin-report:{recorded.IncidentId}:{recorded.CityId}";
        if (await session.LoadAsync<Commitment>(id, cancellationToken) is not null)
        {
            return;
        }

        await Members.RequireAsync(session, recorded.CityId, cancellationToken);
        var commitment = Commitment.Open(
            id, recorded.CityId, ["coordinating-body"], CommitmentKind.OriginReport, TrustPolicy.WeightOf(CommitmentKind.OriginReport), VerificationSource.Joint,
            $"Report incident {recorded.IncidentId} within the responsibility list's deadline", recorded.OccurredAt, recorded.DueAt, recorded.IncidentId.ToString());
        var credit = Timeliness.Credit(recorded.ReportedAt - recorded.DueAt, Timeliness.ReportHalfLife);
        commitment.Settle(credit, recorded.ReportedAt, recorded.OnTime ? "Reported on time." : $"Reported {(recorded.ReportedAt - recorded.DueAt).TotalHours:0.#} h late.", envelope.MessageId.ToString());
        session.Store(commitment);
        await scores.RecomputeAsync(session, recorded.CityId, clock.Now, "origin report recorded", cancellationToken);
    }
}
