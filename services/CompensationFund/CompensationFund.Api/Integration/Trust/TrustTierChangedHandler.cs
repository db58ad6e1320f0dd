using CompensationFund.Api.Integration;
using Marten;
using Platform.Contracts.Trust;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;

namespace CompensationFund.Api.Integration.Trust;

/// <summary>
/// A city's trust tier changed: it scales the city's compensation and the deposit it must hold, and tier D makes it
/// ineligible for incentive money (domain.md §4.3). A severe default counts as D whatever the score.
/// </summary>
public sealed class TrustTierChangedHandler : IIntegrationEventHandler<TrustTierChanged>
{
    public async Task HandleAsync(TrustTierChanged changed, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (member, known) = await MemberRecords.LoadAsync(session, changed.CityId, cancellationToken);
        if (member.ChangeTier(changed.SevereDefault ? TrustTiers.D : changed.Tier, changed.ChangedAt))
        {
            MemberRecords.Save(session, member, known);
        }
    }
}
