using Marten;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using TrustScore.Api.Domain;

namespace TrustScore.Api.Integration.CostSharing;

/// <summary>
/// A city joined the community: its trust record opens with no evidence. Safe to apply twice even
/// without the inbox: an existing record keeps its evidence and only learns the join.
/// </summary>
public sealed class MemberJoinedHandler : IIntegrationEventHandler<MemberJoined>
{
    public async Task HandleAsync(MemberJoined joined, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var record = await session.LoadAsync<TrustRecord>(joined.CityId, cancellationToken) ?? TrustRecord.Open(joined.CityId, joined.JoinedAt);
        record.Join(joined.Name, joined.JoinedAt);
        session.Store(record);
    }
}
