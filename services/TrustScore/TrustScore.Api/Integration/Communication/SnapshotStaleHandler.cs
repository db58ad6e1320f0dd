using Marten;
using Platform.Contracts.Communication;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Integration.Communication;

/// <summary>A base-data snapshot left older than the agreed interval: a missed information-sharing duty (domain.md §3.5), one per interval.</summary>
public sealed class SnapshotStaleHandler(ScoreRecalculation scores, TrustClock clock) : IIntegrationEventHandler<SnapshotStale>
{
    public async Task HandleAsync(SnapshotStale stale, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var id = $"information-sharing:{stale.CityId}:{stale.DueBy:yyyy-MM-dd}";
        if (await session.LoadAsync<Commitment>(id, cancellationToken) is not null)
        {
            return;
        }

        await Members.RequireAsync(session, stale.CityId, cancellationToken);
        var commitment = Commitment.Open(
            id, stale.CityId, ["coordinating-body"], CommitmentKind.InformationSharing, TrustPolicy.WeightOf(CommitmentKind.InformationSharing), VerificationSource.ThirdParty,
            $"Refresh base data every {stale.RefreshIntervalDays} days", stale.DetectedAt, Commitment.EndOf(stale.DueBy));
        commitment.Settle(0, stale.DetectedAt, $"Snapshot stale: last as of {stale.LastAsOf?.ToString("yyyy-MM-dd") ?? "never"}.", envelope.MessageId.ToString());
        session.Store(commitment);
        await scores.RecomputeAsync(session, stale.CityId, clock.Now, "base-data snapshot stale", cancellationToken);
    }
}
