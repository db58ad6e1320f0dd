using Marten;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;

namespace Platform.MemberDirectory;

/// <summary>A city joined the community. Upserted by id, so applying it twice changes nothing.</summary>
public sealed class MemberJoinedHandler : IIntegrationEventHandler<MemberJoined>
{
    public async Task HandleAsync(MemberJoined joined, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var member = await session.LoadAsync<MemberCity>(joined.CityId, cancellationToken) ?? MemberCity.Unknown(joined.CityId);
        member.Join(joined.Name, joined.Province, joined.JoinedAt);
        session.Store(member);
    }
}
