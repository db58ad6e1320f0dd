using Marten;
using Platform.Contracts.Fund;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Integration.Fund;

/// <summary>A contribution call gives the city a contribution due to the common fund by the call's date (domain.md §3.2).</summary>
public sealed class ContributionCalledHandler(ScoreRecalculation scores, TrustClock clock) : IIntegrationEventHandler<ContributionCalled>
{
    public async Task HandleAsync(ContributionCalled called, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var id = $"contribution:{called.CallId}:{called.CityId}";
        if (called.Amount <= 0 || await session.LoadAsync<Commitment>(id, cancellationToken) is not null)
        {
            return;
        }

        await Members.RequireAsync(session, called.CityId, cancellationToken);
        var commitment = Commitment.Open(
            id, called.CityId, ["fund"], CommitmentKind.Contribution, TrustPolicy.WeightOf(CommitmentKind.Contribution), VerificationSource.ThirdParty,
            $"Pay the {called.Period} contribution of {called.Amount} {called.Currency}", called.CalledAt, Commitment.EndOf(called.DueDate), called.CallId.ToString());
        commitment.Amount = called.Amount;
        session.Store(commitment);
        await scores.RecomputeAsync(session, called.CityId, clock.Now, "contribution called", cancellationToken);
    }
}
