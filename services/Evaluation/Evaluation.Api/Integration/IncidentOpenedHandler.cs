using Evaluation.Api.Domain.Incidents;
using Marten;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;

namespace Evaluation.Api.Integration;

/// <summary>An incident was reported: its participating cities become the subjects of its activity round. Upserted by id.</summary>
public sealed class IncidentOpenedHandler : IIntegrationEventHandler<IncidentOpened>
{
    public async Task HandleAsync(IncidentOpened opened, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var incident = await session.LoadAsync<EvaluatedIncident>(opened.IncidentId, cancellationToken) ?? new EvaluatedIncident { Id = opened.IncidentId };
        incident.Title = opened.Title;
        incident.CityIds = [.. opened.Participants.Select(p => p.CityId).Order(StringComparer.Ordinal)];
        session.Store(incident);
    }
}
