using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts;
using Platform.Contracts.Fund;
using Platform.Idempotency;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Compensation;

/// <summary>
/// Members of the coordinating body approve a proposal (all or less of it), each person once; the approval that completes
/// the agreement's quorum reserves the money in the pool — the main part and the hold-back as two reservations that never
/// lapse on their own — so it can no longer be promised to anyone else, and publishes <see cref="CompensationApproved"/>.
/// A pool that cannot cover it refuses (422).
/// </summary>
public static class ApproveCompensation
{
    public static async Task<IResult> ApproveAsync(
        Guid id, ApprovalRequest request, IDocumentSession session, FundLedger ledger, ApprovalQuorum quorum, EventOutbox outbox, HttpContext http,
        CancellationToken cancellationToken)
    {
        long fen = 0;
        var validation = new RequestValidation().Require(request.Amount is null || Fen.TryFromYuan(request.Amount.Value, out fen), "amount", "'amount' is yuan exact to the fen.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var proposal = await CompensationProposals.RequireAsync(session, id, cancellationToken);
        var policy = CompensationPolicy.V1;
        var changes = new List<LedgerChange>();
        if (proposal.Approve(Caller.Approval(http, ledger.Now, request.Note), request.Amount is null ? null : fen, quorum.For(ApprovalQuorum.Approve), policy))
        {
            var main = await ReserveAsync(proposal, proposal.Approved - proposal.HoldBack, "main", $"Compensation for {proposal.CityId} after allocation {proposal.AllocationId}", http, ledger, cancellationToken);
            proposal.MainReservation = main.EntryId;
            changes.Add(LedgerChange.New(main));
            if (proposal.HoldBack > 0)
            {
                var holdBack = await ReserveAsync(proposal, proposal.HoldBack, "hold-back", $"Compensation hold-back for {proposal.CityId} after allocation {proposal.AllocationId}", http, ledger, cancellationToken);
                proposal.HoldBackReservation = holdBack.EntryId;
                changes.Add(LedgerChange.New(holdBack));
            }

            outbox.Enqueue(session, proposal.CityId, new CompensationApproved(
                proposal.Id, proposal.AllocationId, proposal.CityId, Currencies.Cny, Fen.ToYuan(proposal.Approved), Fen.ToYuan(proposal.HoldBack), policy.Name, policy.Version, ledger.Now));
        }

        return await CompensationProposals.CommitAsync(proposal, changes, session, ledger, http, cancellationToken);
    }

    public static async Task<IResult> RejectAsync(Guid id, ReasonRequest request, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().RequireText(request.Reason, "reason", 500);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var proposal = await CompensationProposals.RequireAsync(session, id, cancellationToken);
        proposal.Reject(Caller.Approval(http, ledger.Now, "rejected: " + request.Reason));
        session.Store(proposal);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status200OK, CompensationResponse.From(proposal));
        await session.SaveChangesAsync(cancellationToken);
        return result;
    }

    private static async Task<EntryReserved> ReserveAsync(
        CompensationProposal p, long amount, string part, string description, HttpContext http, FundLedger ledger, CancellationToken cancellationToken)
    {
        var draft = new EntryDraft(CompensationProposals.Header(p, EntryKinds.Compensation, description, http), ledger.Today, CompensationPosting.Reserve(p.CityId, amount));
        return CompensationProposals.Reserve(await ledger.ValidateAsync(draft, cancellationToken), EntryIds.ForReference($"compensation:{p.Id}:{part}"), ledger.Now);
    }
}
