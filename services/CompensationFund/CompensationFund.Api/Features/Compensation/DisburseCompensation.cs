using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts;
using Platform.Contracts.Fund;
using Platform.Messaging.Outbox;

namespace CompensationFund.Api.Features.Compensation;

/// <summary>
/// After full approval finance disburses: the main reservation is posted to the city's payable and what the city is owed on
/// the proposal (the main part, a released hold-back) is paid out of the bank.
/// </summary>
public static class DisburseCompensation
{
    public static async Task<IResult> DisburseAsync(Guid id, IDocumentSession session, FundLedger ledger, EventOutbox outbox, HttpContext http, CancellationToken cancellationToken)
    {
        var proposal = await CompensationProposals.RequireAsync(session, id, cancellationToken);
        var changes = new List<LedgerChange>();
        if (proposal.IsFullyApproved && proposal.MainReservation is { } main && await ledger.RequireAsync(session, main, cancellationToken) is { Status: EntryStatus.Pending } reserved)
        {
            changes.Add(LedgerChange.Decision(reserved, reserved.Post(null, ledger.Today, ledger.Now, Caller.Name(http))));
            proposal.MainPosted(reserved.Lines[0].Amount);
        }

        var due = proposal.Disburse();
        var header = CompensationProposals.Header(proposal, EntryKinds.CompensationPayment, $"Compensation paid to {proposal.CityId} (allocation {proposal.AllocationId})", http);
        var draft = await ledger.ValidateAsync(new EntryDraft(header, ledger.Today, CompensationPosting.PayOut(proposal.CityId, due)), cancellationToken);
        changes.Add(LedgerChange.New(draft.Post(EntryIds.New(), ledger.Now)));
        outbox.Enqueue(session, proposal.CityId, new CompensationPaid(proposal.Id, proposal.AllocationId, proposal.CityId, Currencies.Cny, Fen.ToYuan(due), ledger.Now));
        return await CompensationProposals.CommitAsync(proposal, changes, session, ledger, http, cancellationToken);
    }
}
