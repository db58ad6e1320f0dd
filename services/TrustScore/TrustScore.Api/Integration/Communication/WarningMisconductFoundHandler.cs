using Marten;
using Platform.Contracts.Communication;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using TrustScore.Api.Domain.Supervision;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Integration.Communication;

/// <summary>The coordinating body found a warning concealed or issued late: a vertical finding (concealment forces tier D).</summary>
public sealed class WarningMisconductFoundHandler(ScoreRecalculation scores, TrustClock clock) : IIntegrationEventHandler<WarningMisconductFound>
{
    public async Task HandleAsync(WarningMisconductFound found, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<SupervisionFinding>(found.FindingId, cancellationToken) is not null)
        {
            return;
        }

        await Members.RequireAsync(session, found.CityId, cancellationToken);
        session.Store(new SupervisionFinding
        {
            Id = found.FindingId, CityId = found.CityId,
            Kind = found.Kind == "concealed" ? FindingKind.Concealment : FindingKind.LateReport,
            Severity = found.Severity switch { "severe" => FindingSeverity.Severe, "major" => FindingSeverity.Major, _ => FindingSeverity.Minor },
            Description = found.Description, FoundBy = "coordinating-body", FoundAt = found.FoundAt, RecordedAt = clock.Now,
        });
        await scores.RecomputeAsync(session, found.CityId, clock.Now, "warning misconduct found", cancellationToken);
    }
}
