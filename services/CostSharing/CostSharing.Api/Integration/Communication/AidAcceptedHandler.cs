using CostSharing.Api.Domain.Aid;
using Marten;
using Platform.Contracts.Communication;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;

namespace CostSharing.Api.Integration.Communication;

/// <summary>An accepted mutual aid becomes claimable by its provider under the incident. Upserted by aid id: applying it twice changes nothing.</summary>
public sealed class AidAcceptedHandler : IIntegrationEventHandler<AidAccepted>
{
    public Task HandleAsync(AidAccepted accepted, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        session.Store(new AcceptedAid
        {
            Id = accepted.AidId,
            IncidentId = accepted.IncidentId,
            RequesterCityId = accepted.RequesterCityId,
            ProviderCityId = accepted.ProviderCityId,
            EstimatedCost = accepted.EstimatedCost,
            Currency = accepted.Currency,
            AcceptedAt = accepted.AcceptedAt,
        });
        return Task.CompletedTask;
    }
}
