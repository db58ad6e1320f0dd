using Marten;
using Platform.Contracts.Trust;
using Platform.Messaging.Outbox;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Scoring;

namespace TrustScore.Api.Infrastructure;

/// <summary>
/// Recomputes a city's trust from all its evidence whenever the evidence changes, in the caller's unit of
/// work: the record, a history entry when the published figures moved, and <see cref="TrustTierChanged"/> only when the
/// tier changed. The caller saves the session, so the change and its event commit together (architecture.md §3).
/// </summary>
public sealed class ScoreRecalculation(EventOutbox outbox, TrustPolicy policy, ILogger<ScoreRecalculation> logger)
{
    public async Task<TrustAssessment> RecomputeAsync(IDocumentSession session, string cityId, DateTimeOffset now, string cause, CancellationToken cancellationToken)
    {
        var evidence = await WithPendingAsync(session, cityId, cancellationToken);
        var assessment = TrustCalculation.Assess(evidence, now, policy);
        var record = await session.LoadAsync<TrustRecord>(cityId, cancellationToken) ?? TrustRecord.Open(cityId, now);
        var published = (BetaReputation.Published(record.Score), BetaReputation.Published(record.Uncertainty), record.Tier, record.SevereDefault);
        var previousTier = record.Apply(assessment, assessment.SevereDefaults.Select(d => d.LiftsAt).Where(at => at > now).Min());
        session.Store(record);
        if (published != (BetaReputation.Published(record.Score), BetaReputation.Published(record.Uncertainty), record.Tier, record.SevereDefault))
        {
            session.Store(new ScoreHistoryEntry
            {
                Id = Guid.CreateVersion7(), CityId = cityId, At = now, R = record.Positive, S = record.Negative, Score = record.Score,
                Uncertainty = record.Uncertainty, Tier = record.Tier, SevereDefault = record.SevereDefault, Cause = cause,
            });
        }

        if (previousTier is { } previous)
        {
            logger.LogInformation("City {CityId} moved from tier {Previous} to {Tier} ({Cause})", cityId, previous, record.Tier, cause);
            outbox.Enqueue(session, cityId, new TrustTierChanged(
                cityId, previous.ToString(), record.Tier.ToString(), BetaReputation.Published(record.Score), BetaReputation.Published(record.Uncertainty),
                record.SevereDefault, now));
        }

        return assessment;
    }

    /// <summary>The stored evidence plus what this unit of work changed and has not saved yet (the handler's own change).</summary>
    private static async Task<CityEvidence> WithPendingAsync(IDocumentSession session, string cityId, CancellationToken cancellationToken)
    {
        var stored = await EvidenceStore.LoadAsync(session, cityId, cancellationToken);
        var pending = session.PendingChanges;
        return stored with
        {
            Commitments = Merge(stored.Commitments, pending.AllChangedFor<Domain.Commitments.Commitment>(), c => c.Id),
            Findings = Merge(stored.Findings, pending.AllChangedFor<Domain.Supervision.SupervisionFinding>(), f => f.Id.ToString()),
            ReportsAbout = Merge(stored.ReportsAbout, pending.AllChangedFor<Domain.Supervision.PeerReport>(), p => p.Id.ToString()),
        };
    }

    private static List<T> Merge<T>(IEnumerable<T> stored, IEnumerable<T> pending, Func<T, string> id)
    {
        var byId = stored.ToDictionary(id, StringComparer.Ordinal);
        foreach (var item in pending)
        {
            byId[id(item)] = item;
        }

        return [.. byId.Values];
    }
}
