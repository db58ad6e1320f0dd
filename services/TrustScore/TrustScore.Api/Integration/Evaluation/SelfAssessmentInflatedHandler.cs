using Marten;
using Platform.Contracts.Evaluation;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using TrustScore.Api.Domain.Supervision;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Integration.Evaluation;

/// <summary>
/// A self-assessment far above the third-party panel's is a trust event (domain.md §4.4), established by the accredited
/// panel: a minor finding when the self score was capped, a major one when it was dropped.
/// </summary>
public sealed class SelfAssessmentInflatedHandler(ScoreRecalculation scores, TrustClock clock) : IIntegrationEventHandler<SelfAssessmentInflated>
{
    public async Task HandleAsync(SelfAssessmentInflated inflated, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var id = DeterministicId.From($"self-assessment-inflated:{inflated.RoundId}:{inflated.CityId}");
        if (await session.LoadAsync<SupervisionFinding>(id, cancellationToken) is not null)
        {
            return;
        }

        await Members.RequireAsync(session, inflated.CityId, cancellationToken);
        session.Store(new SupervisionFinding
        {
            Id = id, CityId = inflated.CityId, Kind = FindingKind.InflatedSelfAssessment,
            Severity = inflated.Action == "dropped" ? FindingSeverity.Major : FindingSeverity.Minor,
            Description = $"Self-assessment {inflated.SelfScore} against the panel's {inflated.ThirdPartyScore} (gap {inflated.Gap} over {inflated.Threshold}); self score {inflated.Action}.",
            FoundBy = "third-party-panel", FoundAt = inflated.DetectedAt, RecordedAt = clock.Now,
        });
        await scores.RecomputeAsync(session, inflated.CityId, clock.Now, "self-assessment inflated", cancellationToken);
    }
}
