using Communication.Api.Domain.Acknowledgements;
using Communication.Api.Domain.Cap;
using Communication.Api.Domain.Exposure;
using Communication.Api.Domain.Feed;
using Communication.Api.Domain.Warnings;
using Communication.Api.Domain.Webhooks;
using Communication.Api.Infrastructure;
using Communication.Api.Infrastructure.Feed;
using Marten;
using JasperFx;
using Microsoft.Extensions.Options;
using Platform.Contracts.Communication;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.ServiceDefaults.Errors;

namespace Communication.Api.Features.Warnings;

/// <summary>
/// Issues a warning in one transaction: the warning, what it replaces, each reached city's acknowledgement duty and feed entry
/// (with the city's next sequence number and a NOTIFY that wakes the feeds), and <c>WarningIssued</c> in the outbox. Nothing is
/// stored unless all of it is.
/// </summary>
public sealed class WarningIssuer(
    IDocumentStore store, EventOutbox outbox, StoreSchema schema, TimeProvider clock, IOptions<CommunicationOptions> options)
{
    /// <summary>Two warnings to one city at once race for its next sequence number; the loser tries again.</summary>
    private const int Attempts = 8;

    /// <param name="references">For a CAP message, the (sender, identifier) pairs of its <c>references</c>; for JSON, ids.</param>
    public async Task<(Warning? Warning, IResult? Problem)> IssueAsync(
        string senderCityId, CapAlert cap, WarningReferences references, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            try
            {
                var (warning, problem) = await StageAsync(session, senderCityId, cap, references, cancellationToken);
                if (problem is not null)
                {
                    return (null, problem);
                }

                await session.SaveChangesAsync(cancellationToken);
                CommunicationMetrics.Warnings.WithLabels(warning!.Level.Name(), warning.MsgType).Inc();
                return (warning, null);
            }
            catch (Exception e) when (attempt < Attempts && e is ConcurrencyException or DocumentAlreadyExistsException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5 * attempt), cancellationToken);
            }
        }
    }

    private async Task<(Warning?, IResult?)> StageAsync(
        IDocumentSession session, string senderCityId, CapAlert cap, WarningReferences references, CancellationToken cancellationToken)
    {
        if (await session.Query<Warning>().AnyAsync(w => w.SenderCityId == senderCityId && w.Identifier == cap.Identifier, cancellationToken))
        {
            return (null, Problems.Conflict("Duplicate identifier", $"{senderCityId} already issued a warning with identifier '{cap.Identifier}'."));
        }

        var (replaced, problem) = await references.ResolveAsync(session, senderCityId, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        var draft = WarningDraft.From(cap) ?? FromReplaced(replaced);
        if (draft is null)
        {
            return (null, Problems.Unprocessable("Nothing to warn of", "An Alert or Update carries at least one 'info' block."));
        }

        if (cap.MsgType != MsgTypes.Alert && replaced.Count > 0 && string.IsNullOrEmpty(cap.References))
        {
            cap = cap with { References = string.Join(' ', replaced.Select(r => r.CapReference())) };
        }

        var now = clock.GetUtcNow();
        var graph = await session.LoadAsync<ExposureGraph>(ExposureGraph.CurrentId, cancellationToken) ?? ExposureGraph.Empty;
        var warning = Warning.Issue(Guid.CreateVersion7(now), senderCityId, cap, draft, graph.Reach(senderCityId, draft.Category), graph.Version, replaced, now);
        await ReplaceAsync(session, replaced, warning, cancellationToken);
        var dueAt = warning.IsCancellation ? (DateTimeOffset?)null : now + options.Value.AcknowledgementDeadlines.ToDeadlines().For(warning.Level);
        if (dueAt is { } due)
        {
            session.Insert([.. warning.ReachedCityIds.Select(c => AcknowledgementDuty.Open(warning.Id, c, warning.Level.Name(), due))]);
        }

        await AppendToFeedsAsync(session, warning, dueAt, cancellationToken);
        session.Insert(warning);
        outbox.Enqueue(session, warning.Id.ToString(), new WarningIssued(
            warning.Id, warning.Identifier, warning.SenderCityId, warning.MsgType, warning.Category, warning.Level.Name(), warning.Event,
            warning.ReachedCityIds, warning.References, warning.Sent, warning.Onset, warning.Expires));
        return (warning, null);
    }

    /// <summary>A Cancel without an <c>info</c> block cancels what it references, at their level and category.</summary>
    private static WarningDraft? FromReplaced(IReadOnlyList<Warning> replaced) =>
        replaced.Count > 0 && replaced[0] is { } first
            ? new WarningDraft(first.Level, first.Category, first.Event, first.Headline, first.NamedCityIds, first.Onset, first.Expires)
            : null;

    private static async Task ReplaceAsync(IDocumentSession session, IReadOnlyList<Warning> replaced, Warning successor, CancellationToken cancellationToken)
    {
        if (replaced.Count == 0)
        {
            return;
        }

        var ids = replaced.Select(r => r.Id).ToList();
        var open = await session.Query<AcknowledgementDuty>()
            .Where(d => ids.Contains(d.WarningId) && d.Outcome == null)
            .ToListAsync(cancellationToken);
        foreach (var duty in open.Where(d => d.Withdraw()))
        {
            session.Store(duty);
        }

        foreach (var original in replaced)
        {
            original.ReplaceWith(successor);
            session.Store(original);
        }
    }

    private async Task AppendToFeedsAsync(IDocumentSession session, Warning warning, DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        var feeds = (await session.LoadManyAsync<CityFeed>(cancellationToken, warning.ReachedCityIds)).ToDictionary(f => f.CityId, StringComparer.Ordinal);
        var payload = new FeedWarning(
            warning.Id, warning.Identifier, warning.MsgType, warning.SenderCityId, warning.Category, warning.Level.Name(), warning.Event,
            warning.Headline, warning.References, warning.Sent, warning.Onset, warning.Expires, dueAt);
        foreach (var city in warning.ReachedCityIds)
        {
            if (feeds.TryGetValue(city, out var feed))
            {
                session.Store(feed);
            }
            else
            {
                feed = new CityFeed { CityId = city };
                session.Insert(feed);
            }

            session.Insert(FeedEntry.For(city, feed.Next(), payload));
            FeedNotifications.Queue(session, schema, city);
        }

        var cities = warning.ReachedCityIds;
        var webhooks = await session.Query<WebhookSubscription>().Where(s => cities.Contains(s.CityId)).ToListAsync(cancellationToken);
        foreach (var webhook in webhooks)
        {
            session.Insert(WebhookDelivery.For(webhook, payload, warning.ReceivedAt));
        }
    }
}
