using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.EntryReversals;

/// <summary>
/// Another member of finance or the coordinating body agrees to a pending reversal (each person once, the proposer
/// included); the agreement that completes the quorum posts the reversal entry in the same transaction (200 with the
/// request, <c>reversed</c>). A floor the reversal would break refuses it like any posting (422) and records nothing.
/// A rejection closes the request: it is kept apart and never counts as an agreement.
/// </summary>
public static class DecideEntryReversal
{
    public static async Task<IResult> ApproveAsync(
        Guid entryId, Guid requestId, ReversalApproval request, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().RequirePlain(request.Note, "note", required: false, maxLength: 500);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var reversal = await ReversalRequests.RequireAsync(session, entryId, requestId, cancellationToken);
        var entry = await ledger.RequireAsync(session, entryId, cancellationToken);
        reversal.Approve(Caller.Approval(http, ledger.Now, request.Note));
        return await ReversalRequests.CommitAsync(reversal, entry, StatusCodes.Status200OK, session, ledger, http, cancellationToken);
    }

    public static async Task<IResult> RejectAsync(
        Guid entryId, Guid requestId, ReversalRejection request, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().RequireText(request.Reason, "reason", 500);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var reversal = await ReversalRequests.RequireAsync(session, entryId, requestId, cancellationToken);
        reversal.Reject(Caller.Approval(http, ledger.Now, request.Reason));
        session.Store(reversal);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status200OK, ReversalRequestResponse.From(reversal));
        await session.SaveChangesAsync(cancellationToken);
        return result;
    }
}
