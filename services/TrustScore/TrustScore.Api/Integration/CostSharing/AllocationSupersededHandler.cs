using Marten;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Integration.CostSharing;

/// <summary>
/// A correction moves each city's settlement position by its difference (as the fund settles it): a paying city's
/// commitment follows the new amount and due date; one that owes nothing any more is released; one that now owes is
/// given a commitment.
/// </summary>
public sealed class AllocationSupersededHandler(ScoreRecalculation scores, TrustClock clock) : IIntegrationEventHandler<AllocationSuperseded>
{
    public async Task HandleAsync(AllocationSuperseded superseded, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var known = await session.LoadAsync<AllocationRecord>(superseded.SupersededAllocationId, cancellationToken)
            ?? throw new MessageNotReadyException($"allocation {superseded.SupersededAllocationId} is not known yet");
        var root = known.RootId == known.Id ? known : await session.LoadAsync<AllocationRecord>(known.RootId, cancellationToken)
            ?? throw new MessageNotReadyException($"allocation {known.RootId} is not known yet");
        if (root.Corrections.Contains(superseded.NewAllocationId))
        {
            return;
        }

        root.Corrections.Add(superseded.NewAllocationId);
        session.Store(root);
        if (await session.LoadAsync<AllocationRecord>(superseded.NewAllocationId, cancellationToken) is null)
        {
            session.Store(new AllocationRecord { Id = superseded.NewAllocationId, RootId = root.Id });
        }

        foreach (var adjustment in superseded.AdjustmentInstructions)
        {
            var before = Math.Max(0, root.Positions.GetValueOrDefault(adjustment.CityId));
            root.Positions[adjustment.CityId] = root.Positions.GetValueOrDefault(adjustment.CityId) + (adjustment.Direction == SettlementDirections.PayIn ? adjustment.Amount : -adjustment.Amount);
            var after = Math.Max(0, root.Positions[adjustment.CityId]);
            var id = AllocationRecord.CommitmentId(root.Id, adjustment.CityId);
            var commitment = await session.LoadAsync<Commitment>(id, cancellationToken);
            if (commitment is null && after > 0)
            {
                await Members.RequireAsync(session, adjustment.CityId, cancellationToken);
                commitment = SettlementCommitments.Open(root.Id, superseded.IncidentId, adjustment.CityId, after, adjustment.DueDate, ["fund"], superseded.SupersededAt);
            }
            else if (commitment is not null && after != before)
            {
                commitment.Adjust(after - before, adjustment.DueDate, superseded.SupersededAt, $"allocation corrected by {superseded.NewAllocationId}: {superseded.Reason}");
            }
            else
            {
                continue;
            }

            session.Store(commitment);
            await scores.RecomputeAsync(session, adjustment.CityId, clock.Now, "allocation corrected", cancellationToken);
        }
    }
}
