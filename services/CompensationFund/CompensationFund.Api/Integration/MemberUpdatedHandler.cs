using Marten;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;

namespace CompensationFund.Api.Integration;

/// <summary>
/// A member's details changed in cost-sharing. An update older than the one applied is ignored, so a
/// late replay never rolls a name back. An update for a city not yet known is kept (it carries the full
/// state); its accounts open when the join arrives.
/// </summary>
public sealed class MemberUpdatedHandler(ILogger<MemberUpdatedHandler> logger) : IIntegrationEventHandler<MemberUpdated>
{
    public async Task HandleAsync(MemberUpdated updated, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (member, known) = await MemberRecords.LoadAsync(session, updated.CityId, cancellationToken);
        if (!member.Update(updated.Name, updated.Province, updated.Population, updated.GdpCny, updated.Version, updated.UpdatedAt))
        {
            logger.LogInformation(
                "Ignored member {CityId} version {Version}: version {Applied} is already applied", updated.CityId, updated.Version, member.Version);
            return;
        }

        MemberRecords.Save(session, member, known);
    }
}
