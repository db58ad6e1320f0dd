using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using CompensationFund.Api.Integration.Settlement;
using Marten;
using Platform.Contracts.CostSharing;
using Platform.Contracts.Trust;
using Platform.Messaging.Envelope;

namespace CompensationFund.Api.Integration.Compensation;

/// <summary>
/// From each finalized allocation, a compensation proposal for every affected city by the policy in force, scaled pro rata
/// when the pool's available money (after what reservations hold) cannot cover them all. Proposals move no money: approval
/// does. A correcting allocation proposes nothing new (its differences are settled, and compensation already decided stands).
/// </summary>
public sealed class CompensationProposer(BalanceReader balances, TimeProvider clock) : IAllocationListener
{
    public async Task FinalizedAsync(AllocationFinalized finalized, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var affected = finalized.Shares.Where(s => s.Side == ParticipantSides.Affected && s.FairShare > 0).ToList();
        if (finalized.Supersedes is not null || affected.Count == 0)
        {
            return;
        }

        var members = (await session.LoadManyAsync<FundMember>(cancellationToken, affected.Select(s => s.CityId).ToArray())).ToDictionary(m => m.CityId);
        var bases = affected.Select(s => new CompensationBasis(
            s.CityId, Fen.FromYuan(s.FairShare), members.GetValueOrDefault(s.CityId)?.TrustTier ?? TrustTiers.Insufficient, members.GetValueOrDefault(s.CityId)?.LatestGrade)).ToList();
        var pool = (await balances.LiveAsync([FundAccounts.Pool], cancellationToken))[FundAccounts.Pool];
        var policy = CompensationPolicy.V1;
        foreach (var c in policy.Propose(bases, pool.Balance.Lowest(pool.Side)))
        {
            var basis = bases.First(b => b.CityId == c.CityId);
            session.Store(new CompensationProposal
            {
                Id = CompensationProposal.IdFor(finalized.AllocationId, c.CityId), AllocationId = finalized.AllocationId, IncidentId = finalized.IncidentId,
                CityId = c.CityId, Policy = policy.Name, PolicyVersion = policy.Version, Burden = c.Burden, Tier = basis.Tier, Grade = basis.Grade,
                Computed = c.Computed, Proposed = c.Proposed, Shortfall = c.Shortfall, Explanation = [.. c.Steps], Status = ProposalStatus.Proposed,
                ProposedAt = clock.GetUtcNow(),
            });
        }
    }
}
