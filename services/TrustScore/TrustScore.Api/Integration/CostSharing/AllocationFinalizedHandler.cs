using Marten;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Integration.CostSharing;

/// <summary>
/// A finalized allocation gives each paying city a settlement commitment due by its instruction's date, owed
/// to the fund's clearing account and the cities it pays out to, verified by the fund's ledger. Its default is severe
/// (domain.md §4.3). A correcting allocation only records where it belongs: its differences come in
/// <see cref="AllocationSuperseded"/>.
/// </summary>
public sealed class AllocationFinalizedHandler(ScoreRecalculation scores, TrustClock clock) : IIntegrationEventHandler<AllocationFinalized>
{
    public async Task HandleAsync(AllocationFinalized finalized, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<AllocationRecord>(finalized.AllocationId, cancellationToken) is not null)
        {
            return;
        }

        if (finalized.Supersedes is { } earlier)
        {
            var root = (await session.LoadAsync<AllocationRecord>(earlier, cancellationToken))?.RootId ?? earlier;
            session.Store(new AllocationRecord { Id = finalized.AllocationId, RootId = root });
            return;
        }

        var payIn = finalized.Instructions.Where(i => i.Direction == SettlementDirections.PayIn && i.Amount > 0).ToList();
        foreach (var instruction in payIn)
        {
            await Members.RequireAsync(session, instruction.CityId, cancellationToken);
        }

        var record = new AllocationRecord { Id = finalized.AllocationId, RootId = finalized.AllocationId };
        foreach (var i in finalized.Instructions)
        {
            record.Positions[i.CityId] = i.Direction == SettlementDirections.PayIn ? i.Amount : -i.Amount;
        }

        session.Store(record);
        var creditors = finalized.Instructions.Where(i => i.Direction == SettlementDirections.PayOut).Select(i => i.CityId).Prepend("fund").ToList();
        foreach (var instruction in payIn)
        {
            var commitment = SettlementCommitments.Open(finalized.AllocationId, finalized.IncidentId, instruction.CityId, instruction.Amount, instruction.DueDate, creditors, finalized.FinalizedAt);
            session.Store(commitment);
            await scores.RecomputeAsync(session, instruction.CityId, clock.Now, "settlement commitment opened", cancellationToken);
        }
    }
}

/// <summary>Settlement commitments, as finalized allocations and their corrections open them.</summary>
public static class SettlementCommitments
{
    public static Commitment Open(Guid rootAllocationId, Guid incidentId, string cityId, decimal amount, DateOnly dueDate, IEnumerable<string> creditors, DateTimeOffset at)
    {
        var commitment = Commitment.Open(
            AllocationRecord.CommitmentId(rootAllocationId, cityId), cityId, creditors, CommitmentKind.Settlement, TrustPolicy.WeightOf(CommitmentKind.Settlement),
            VerificationSource.ThirdParty, $"Pay the net settlement of allocation {rootAllocationId} (incident {incidentId})", at, Commitment.EndOf(dueDate),
            rootAllocationId.ToString());
        commitment.Amount = amount;
        commitment.SevereIfDefaulted = true;
        return commitment;
    }
}
