using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;

namespace CompensationFund.Api.Features.Compensation;

/// <summary>
/// The coordinating body releases the hold-back to the city's payable (paid at the next disbursement). Like approval it
/// needs the agreement's quorum: each call records one person's agreement; the one that completes it posts the reservation.
/// </summary>
public static class ReleaseHoldBack
{
    public static async Task<IResult> ReleaseAsync(Guid id, IDocumentSession session, FundLedger ledger, ApprovalQuorum quorum, HttpContext http, CancellationToken cancellationToken)
    {
        var proposal = await CompensationProposals.RequireAsync(session, id, cancellationToken);
        var reservationId = proposal.HoldBackReservation;
        var changes = new List<LedgerChange>();
        if (proposal.AgreeToRelease(Caller.Approval(http, ledger.Now, "hold-back released"), quorum.For(ApprovalQuorum.Release)))
        {
            var reservation = await ledger.RequireAsync(session, reservationId!.Value, cancellationToken);
            changes.Add(LedgerChange.Decision(reservation, reservation.Post(null, ledger.Today, ledger.Now, Caller.Name(http))));
        }

        return await CompensationProposals.CommitAsync(proposal, changes, session, ledger, http, cancellationToken);
    }
}
