using Marten;
using Microsoft.Extensions.Logging;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;

namespace Platform.MemberDirectory;

/// <summary>
/// A member's details changed in cost-sharing. An update older than the one applied is ignored, so a
/// late replay never rolls a name back; an update for a city not yet known is kept (it carries the full state).
/// </summary>
public sealed class MemberUpdatedHandler(ILogger<MemberUpdatedHandler> logger) : IIntegrationEventHandler<MemberUpdated>
{
    public async Task HandleAsync(MemberUpdated updated, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var member = await session.LoadAsync<MemberCity>(updated.CityId, cancellationToken) ?? MemberCity.Unknown(updated.CityId);
        if (!member.Update(updated.Name, updated.Province, updated.Version))
        {
            logger.LogInformation(
                "Ignored member {CityId} version {Version}: version {Applied} is already applied", updated.CityId, updated.Version, member.Version);
            return;
        }

        session.Store(member);
    }
}
