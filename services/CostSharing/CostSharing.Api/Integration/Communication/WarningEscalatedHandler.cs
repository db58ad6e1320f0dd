using CostSharing.Api.Domain.Agreements;
using CostSharing.Api.Domain.Aid;
using CostSharing.Api.Domain.Allocation;
using CostSharing.Api.Domain.Incidents;
using Marten;
using Platform.Contracts.Communication;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;

namespace CostSharing.Api.Integration.Communication;

/// <summary>
/// A warning escalated in communication opens a <em>reported</em> incident: the sender as origin (reported when the warning was
/// sent), the reached cities as candidate affected cities, under the agreement whose active version has the sender as a member
/// and a rule for the category (the first by id when several do). The coordinating body confirms it, or not, as any reported
/// incident. Once per warning: a redelivery finds the record and does nothing.
/// </summary>
public sealed class WarningEscalatedHandler(EventOutbox outbox, ILogger<WarningEscalatedHandler> logger) : IIntegrationEventHandler<WarningEscalated>
{
    public async Task HandleAsync(WarningEscalated escalated, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<EscalatedWarning>(escalated.WarningId, cancellationToken) is not null)
        {
            return;
        }

        var agreements = await session.Query<Agreement>().ToListAsync(cancellationToken);
        var agreement = agreements
            .Where(a => a.Active.Terms.Members.Contains(escalated.SenderCityId) && a.Active.Terms.Rules.ContainsKey(escalated.Category))
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (agreement is null)
        {
            logger.LogWarning("Warning {WarningId} from {City} escalated, but no agreement covers the city for {Category}", escalated.WarningId, escalated.SenderCityId, escalated.Category);
            session.Store(new EscalatedWarning { Id = escalated.WarningId, NotOpenedBecause = $"No agreement has {escalated.SenderCityId} as a member with a rule for {escalated.Category}." });
            return;
        }

        var terms = agreement.Active.Terms;
        var affected = escalated.CandidateAffectedCityIds.Where(c => c != escalated.SenderCityId && terms.Members.Contains(c)).Distinct(StringComparer.Ordinal).ToList();
        var participants = new List<Participant> { new(escalated.SenderCityId, Side.Origin, null, null, null, null, null, null, escalated.Sent) };
        participants.AddRange(affected.Select(c => new Participant(c, Side.Affected, null, null, null, null, null, null, null)));
        var scenario = affected.Count switch { 0 => Scenarios.HazardSpansCities, 1 => Scenarios.ExposureElsewhere, _ => Scenarios.ExposureSpread };
        var incident = Incident.Open(
            new IncidentDetails(
                agreement.Id, agreement.ActiveVersion, escalated.Category, scenario, escalated.Headline,
                $"Escalated from {escalated.Level} warning {escalated.WarningId} ({escalated.Event}).", escalated.Sent, participants),
            escalated.EscalatedAt);
        incident.Currency = agreement.Currency;
        incident.Reporting = [.. ReportingCheck.For(terms, incident.Category, incident.OccurredAt, incident.Participants.Where(p => p.Side == Side.Origin))];
        session.Insert(incident);
        session.Store(new EscalatedWarning { Id = escalated.WarningId, IncidentId = incident.Id });
        outbox.Enqueue(session, incident.Id.ToString(), incident.ToOpened(terms.Rules[escalated.Category]));
    }
}
