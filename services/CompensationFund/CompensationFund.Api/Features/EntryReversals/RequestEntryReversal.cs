using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Periods;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.EntryReversals;

/// <summary>
/// Finance or the coordinating body proposes reversing a domain entry (a settlement, compensation, contribution, earmark
/// or penalty posting), with a reason. The proposal is the proposer's agreement; the agreement's
/// <see cref="ApprovalQuorum.DomainReversal"/> quorum of distinct people must agree before anything is posted (201 with
/// the pending request; with a quorum of one the reversal is posted at once). One open request per entry (409).
/// </summary>
public static class RequestEntryReversal
{
    public static async Task<IResult> HandleAsync(
        Guid entryId, ReversalProposal request, IDocumentSession session, FundLedger ledger, ApprovalQuorum quorum, HttpContext http,
        CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().RequireText(request.Reason, "reason", EntryDraft.MaxDescriptionLength);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var entry = await ledger.RequireAsync(session, entryId, cancellationToken);
        var earlier = await ReversalRequests.OfEntryAsync(session, entryId, cancellationToken);
        var reversal = EntryReversalRequest.Open(
            entry, [.. earlier], request.Reason!, request.ValueDate, ledger.Today, Caller.Approval(http, ledger.Now, request.Reason), quorum.For(ApprovalQuorum.DomainReversal));
        if (request.ValueDate is { } date && await ledger.Balances.ClosedThroughAsync(cancellationToken) is { } closed && date <= closed)
        {
            throw PeriodClosing.ClosedPeriod(date, closed);
        }

        return await ReversalRequests.CommitAsync(reversal, entry, StatusCodes.Status201Created, session, ledger, http, cancellationToken);
    }
}
