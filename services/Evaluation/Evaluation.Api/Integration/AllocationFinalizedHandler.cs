using Evaluation.Api.Domain.Incidents;
using Marten;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;

namespace Evaluation.Api.Integration;

/// <summary>
/// An incident's allocation was finalized (or corrected): each city's approved spend is its cost input, shown beside its
/// scores. The latest allocation wins; an older or repeated one changes nothing.
/// </summary>
public sealed class AllocationFinalizedHandler : IIntegrationEventHandler<AllocationFinalized>
{
    public async Task HandleAsync(AllocationFinalized allocation, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var incident = await session.LoadAsync<EvaluatedIncident>(allocation.IncidentId, cancellationToken) ?? new EvaluatedIncident { Id = allocation.IncidentId };
        var spend = allocation.Shares.ToDictionary(s => s.CityId, s => s.ApprovedSpend, StringComparer.Ordinal);
        if (incident.RecordAllocation(allocation.AllocationId, allocation.FinalizedAt, allocation.Currency, spend))
        {
            session.Store(incident);
        }
    }
}
