using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;

namespace CompensationFund.Api.Integration;

/// <summary>
/// A city joined the community: the fund records it and opens its accounts, empty. Safe to apply twice
/// even without the inbox: the member is upserted by id and only missing accounts are opened.
/// </summary>
public sealed class MemberJoinedHandler(AccountOpening opening) : IIntegrationEventHandler<MemberJoined>
{
    public async Task HandleAsync(MemberJoined joined, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (member, known) = await MemberRecords.LoadAsync(session, joined.CityId, cancellationToken);
        member.Join(joined.Name, joined.Province, joined.Population, joined.GdpCny, joined.JoinedAt);
        MemberRecords.Save(session, member, known);

        var existing = await session.LoadManyAsync<LedgerAccount>(cancellationToken, MemberAccounts.IdsFor(joined.CityId));
        opening.Open(session, [.. MemberAccounts.OpenMissing(joined.CityId, existing.Select(a => a.Kind), joined.JoinedAt)]);
    }
}
