using Marten;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using TrustScore.Api.Domain;

namespace TrustScore.Api.Integration.CostSharing;

/// <summary>
/// A member's details changed in cost-sharing; the trust record keeps only the name. An update older than
/// the one applied is ignored, so a late replay never rolls a name back. An update for a city not yet
/// known opens its record (the city is a member either way).
/// </summary>
public sealed class MemberUpdatedHandler(ILogger<MemberUpdatedHandler> logger) : IIntegrationEventHandler<MemberUpdated>
{
    public async Task HandleAsync(MemberUpdated updated, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var record = await session.LoadAsync<TrustRecord>(updated.CityId, cancellationToken) ?? TrustRecord.Open(updated.CityId, updated.UpdatedAt);
        if (!record.Update(updated.Name, updated.Version, updated.UpdatedAt))
        {
            logger.LogInformation(
                "Ignored member {CityId} version {Version}: version {Applied} is already applied", updated.CityId, updated.Version, record.Version);
            return;
        }

        session.Store(record);
    }
}
