using Marten;
using Platform.Messaging.Inbox;
using TrustScore.Api.Domain;

namespace TrustScore.Api.Integration;

/// <summary>Evidence is about members: one that has not joined yet waits (the inbox parks the message and redelivers it).</summary>
public static class Members
{
    public static async Task RequireAsync(IQuerySession session, string cityId, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<TrustRecord>(cityId, cancellationToken) is null)
        {
            throw new MessageNotReadyException($"member {cityId} has not joined");
        }
    }
}
