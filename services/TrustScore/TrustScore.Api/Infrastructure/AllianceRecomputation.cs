using Marten;
using Platform.Contracts.Trust;
using Platform.Messaging.Outbox;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Scoring;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Api.Infrastructure;

/// <summary>
/// The periodic pass over the whole alliance: refreshes every city's reporter weight (EigenTrust) and score from all
/// evidence, publishing tier changes. Repairs any score a concurrent writer left behind, since it reads only evidence.
/// </summary>
public sealed class AllianceRecomputation(IDocumentStore store, EventOutbox outbox, TrustPolicy policy, TrustClock clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var now = clock.Now;
        var records = await session.Query<TrustRecord>().ToListAsync(cancellationToken);
        var tally = new AllianceTally(records.Select(r => r.CityId), now, policy);

        // Streamed and folded one document at a time: a large alliance's evidence is never held in memory at once.
        await foreach (var commitment in session.Query<Commitment>().ToAsyncEnumerable(cancellationToken))
        {
            tally.Add(commitment);
        }

        await foreach (var finding in session.Query<SupervisionFinding>().ToAsyncEnumerable(cancellationToken))
        {
            tally.Add(finding);
        }

        await foreach (var report in session.Query<PeerReport>().ToAsyncEnumerable(cancellationToken))
        {
            tally.Add(report);
        }

        var alliance = tally.Complete();
        var changed = 0;
        foreach (var record in records)
        {
            var figures = alliance.Assessments[record.CityId];
            var weight = alliance.ReporterWeights.GetValueOrDefault(record.CityId);
            var before = (BetaReputation.Published(record.Score), record.Tier, BetaReputation.Published(record.ReporterWeight));
            record.ReporterWeight = weight;
            var previousTier = record.Apply(figures, figures.ReviewAt);
            if (before == (BetaReputation.Published(record.Score), record.Tier, BetaReputation.Published(record.ReporterWeight)))
            {
                continue;
            }

            changed++;
            session.Store(record);
            if (previousTier is { } previous)
            {
                outbox.Enqueue(session, record.CityId, new TrustTierChanged(
                    record.CityId, previous.ToString(), record.Tier.ToString(), BetaReputation.Published(record.Score), BetaReputation.Published(record.Uncertainty), record.SevereDefault, now));
            }
        }

        await session.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
