using Communication.Api.Domain.Members;
using Marten;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;

namespace Communication.Api.Integration;

/// <summary>A city joined the community and may now send and receive warnings. Upserted by id, so applying it twice changes nothing.</summary>
public sealed class MemberJoinedHandler : IIntegrationEventHandler<MemberJoined>
{
    public async Task HandleAsync(MemberJoined joined, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var member = await session.LoadAsync<CommunicationMember>(joined.CityId, cancellationToken) ?? CommunicationMember.Unknown(joined.CityId);
        member.Join(joined.Name, joined.Province, joined.JoinedAt);
        session.Store(member);
    }
}
