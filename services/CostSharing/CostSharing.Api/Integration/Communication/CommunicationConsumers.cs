using CostSharing.Api.Domain.Aid;
using Marten;
using Platform.Contracts.Communication;
using Platform.Messaging;

namespace CostSharing.Api.Integration.Communication;

/// <summary>What cost-sharing takes from communication: escalated warnings become reported incidents, accepted aid is claimable.</summary>
public static class CommunicationConsumers
{
    public static MessagingBuilder AddCommunicationConsumers(this MessagingBuilder messaging) =>
        messaging
            .Handle<WarningEscalated, WarningEscalatedHandler>()
            .Handle<AidAccepted, AidAcceptedHandler>();

    public static void ConfigureCommunicationDocuments(this StoreOptions options)
    {
        options.Schema.For<AcceptedAid>().Index(a => a.IncidentId);
        options.Schema.For<EscalatedWarning>();
    }
}
