using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts.Fund;
using Platform.Messaging.Idempotency;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Compensation;

/// <summary>
/// After approval: finance disburses (posts the main reservation and pays what the city is owed out of the bank); the
/// coordinating body releases the hold-back (posted to the city's payable, paid at the next disbursement) or claws money
/// back — first from the hold-back not yet released, then as a receivable from the city.
/// </summary>
public static class DisburseCompensation
{
    public static async Task<IResult> DisburseAsync(Guid id, IDocumentSession session, FundLedger ledger, EventOutbox outbox, HttpContext http, CancellationToken cancellationToken)
    {
        var proposal = await CompensationProposals.RequireAsync(session, id, cancellationToken);
        if (proposal.Status is not (ProposalStatus.Approved or ProposalStatus.Paid))
        {
            throw new FundRuleException("Not approved", $"Proposal {id} is {proposal.Status.ToString().ToLowerInvariant()}; only approved compensation is disbursed.", conflict: true);
        }

        var changes = new List<LedgerChange>();
        if (proposal.MainReservation is { } main && await ledger.RequireAsync(session, main, cancellationToken) is { Status: EntryStatus.Pending } reserved)
        {
            changes.Add(LedgerChange.Decision(reserved, reserved.Post(null, ledger.Today, ledger.Now, Caller.Name(http))));
            proposal.Payable += reserved.Lines[0].Amount;
            session.Delete<PendingReservation>(main);
        }

        var due = proposal.Payable - proposal.Paid;
        if (due <= 0)
        {
            throw new FundRuleException("Nothing to pay", $"Everything payable on proposal {id} is paid.", conflict: true);
        }

        var header = CompensationProposals.Header(proposal, EntryKinds.CompensationPayment, $"Compensation paid to {proposal.CityId} (allocation {proposal.AllocationId})", http);
        var draft = await ledger.ValidateAsync(new EntryDraft(header, ledger.Today, CompensationPosting.PayOut(proposal.CityId, due)), cancellationToken);
        changes.Add(LedgerChange.New(draft.Post(EntryIds.New(), ledger.Now)));
        proposal.Paid += due;
        proposal.Status = ProposalStatus.Paid;
        outbox.Enqueue(session, proposal.CityId, new CompensationPaid(proposal.Id, proposal.AllocationId, proposal.CityId, "CNY", Fen.ToYuan(due), ledger.Now));
        return await CommitAsync(proposal, changes, session, ledger, http, cancellationToken);
    }

    public static async Task<IResult> ReleaseHoldBackAsync(Guid id, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        var proposal = await CompensationProposals.RequireAsync(session, id, cancellationToken);
        var reservation = proposal.HoldBackReservation is { } hold ? await ledger.RequireAsync(session, hold, cancellationToken) : null;
        if (reservation is not { Status: EntryStatus.Pending })
        {
            throw new FundRuleException("No hold-back", $"Proposal {id} has no hold-back pending.", conflict: true);
        }

        proposal.Approvals.Add(Caller.Approval(http, ledger.Now, "hold-back released"));
        proposal.HoldBackReleased = true;
        proposal.Payable += reservation.Lines[0].Amount;
        if (proposal.Status == ProposalStatus.Paid)
        {
            proposal.Status = ProposalStatus.Approved;
        }

        session.Delete<PendingReservation>(reservation.Id);
        return await CommitAsync(proposal, [LedgerChange.Decision(reservation, reservation.Post(null, ledger.Today, ledger.Now, Caller.Name(http)))], session, ledger, http, cancellationToken);
    }

    public static async Task<IResult> ClawBackAsync(
        Guid id, ClawbackRequest request, IDocumentSession session, FundLedger ledger, EventOutbox outbox, HttpContext http, CancellationToken cancellationToken)
    {
        long fen = 0;
        var validation = new RequestValidation()
            .RequireText(request.Reason, "reason", 500)
            .Require(request.Amount is { } a && Fen.TryFromYuan(a, out fen) && fen > 0, "amount", "'amount' is a positive number of yuan exact to the fen.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var proposal = await CompensationProposals.RequireAsync(session, id, cancellationToken);
        if (fen > proposal.Approved - proposal.ClawedBack)
        {
            throw new FundRuleException("Amount out of range", $"At most {Fen.ToYuan(proposal.Approved - proposal.ClawedBack)} of proposal {id} can be clawed back.");
        }

        var changes = new List<LedgerChange>();
        var left = fen;
        if (proposal.HoldBackReservation is { } hold && await ledger.RequireAsync(session, hold, cancellationToken) is { Status: EntryStatus.Pending } reservation && !proposal.HoldBackReleased)
        {
            changes.Add(LedgerChange.Decision(reservation, reservation.Void("clawed back: " + request.Reason, ledger.Today, ledger.Now, Caller.Name(http))));
            session.Delete<PendingReservation>(hold);
            left -= Math.Min(left, reservation.Lines[0].Amount);
        }

        if (left > 0)
        {
            var obligationId = EntryIds.ForReference($"clawback:{proposal.Id}:{proposal.ClawedBack + fen - left}");
            var header = CompensationProposals.Header(proposal, EntryKinds.Clawback, $"Clawback from {proposal.CityId}: {request.Reason}", http);
            var draft = await ledger.ValidateAsync(new EntryDraft(header, ledger.Today, ContributionPosting.Charge(proposal.CityId, left)), cancellationToken);
            changes.Add(LedgerChange.New(draft.Post(obligationId, ledger.Now)));
            session.Insert(new Obligation
            {
                Id = obligationId, CityId = proposal.CityId, Kind = ObligationKind.Clawback, Amount = left, DueDate = ledger.Today.AddDays(30),
                Code = $"CB-{obligationId.ToString("N")[..10].ToUpperInvariant()}", Description = $"Clawback of compensation {proposal.Id}: {request.Reason}", SourceId = proposal.Id, CreatedAt = ledger.Now,
            });
            outbox.Enqueue(session, proposal.CityId, new PenaltyCharged(obligationId, proposal.CityId, "clawback", "CNY", Fen.ToYuan(left), proposal.Id, ledger.Now));
        }

        proposal.ClawedBack += fen;
        proposal.Approvals.Add(Caller.Approval(http, ledger.Now, $"clawback {Fen.ToYuan(fen)}: {request.Reason}"));
        return await CommitAsync(proposal, changes, session, ledger, http, cancellationToken);
    }

    private static async Task<IResult> CommitAsync(
        CompensationProposal proposal, IReadOnlyList<LedgerChange> changes, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        ledger.Record(session, changes);
        session.Store(proposal);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status200OK, CompensationResponse.From(proposal));
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
