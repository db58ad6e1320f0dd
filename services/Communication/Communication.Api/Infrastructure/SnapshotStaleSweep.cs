using Communication.Api.Domain.BaseData;
using Platform.MemberDirectory;
using Communication.Api.Features.BaseData;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using Platform.Contracts.Communication;
using Platform.Messaging.Outbox;

namespace Communication.Api.Infrastructure;

/// <summary>
/// Finds members whose base data is older than the agreed refresh interval and publishes <c>SnapshotStale</c> once per city and
/// missed due date (a missed information-sharing duty, for trust-score). The record of the publication is inserted with the event,
/// so a second replica's attempt fails and publishes nothing.
/// </summary>
public sealed class SnapshotStaleSweep(IDocumentStore store, EventOutbox outbox, TimeProvider clock, IOptions<CommunicationOptions> options, ILogger<SnapshotStaleSweep> logger)
    : PeriodicSweep(clock, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval * 12;

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var interval = options.Value.SnapshotRefreshIntervalDays;
        await using var query = store.QuerySession();
        var members = await query.Query<MemberCity>().Where(m => m.JoinedAt != null).ToListAsync(cancellationToken);
        var flagged = 0;
        foreach (var member in members)
        {
            var latest = await BaseDataEndpoints.LatestAsync(query, member.CityId, cancellationToken);
            var dueBy = Staleness.DueBy(latest, member, interval);
            var id = StaleSnapshotRecord.Key(member.CityId, dueBy);
            if (today <= dueBy || await query.LoadAsync<StaleSnapshotRecord>(id, cancellationToken) is not null)
            {
                continue;
            }

            await using var session = store.LightweightSession();
            session.Insert(new StaleSnapshotRecord { Id = id, CityId = member.CityId, DueBy = dueBy, DetectedAt = now });
            outbox.Enqueue(session, member.CityId, new SnapshotStale(member.CityId, latest?.AsOf, interval, dueBy, now));
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                CommunicationMetrics.StaleSnapshots.Inc();
                flagged++;
            }
            catch (DocumentAlreadyExistsException)
            {
                // Another replica flagged it first.
            }
        }

        return flagged;
    }
}

/// <summary>That a city's missed refresh (due by <see cref="DueBy"/>) was published; one per city and due date.</summary>
public sealed class StaleSnapshotRecord
{
    public string Id { get; set; } = string.Empty;

    public string CityId { get; set; } = string.Empty;

    public DateOnly DueBy { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    public static string Key(string cityId, DateOnly dueBy) => $"{cityId}/{dueBy:yyyy-MM-dd}";
}
