using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts;
using Platform.Contracts.Fund;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Compensation;

/// <summary>
/// The coordinating body claws compensation back, with the same quorum as approval. What the completed clawback takes
/// from the hold-back goes back to the pool (the hold-back reservation is voided and, for a partial clawback, the rest is
/// reserved again so it stays releasable); what it takes from money already paid becomes a receivable from the city.
/// </summary>
public static class ClawBackCompensation
{
    public static async Task<IResult> ClawBackAsync(
        Guid id, ClawbackRequest request, IDocumentSession session, FundLedger ledger, ApprovalQuorum quorum, EventOutbox outbox, HttpContext http,
        CancellationToken cancellationToken)
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
        var holdBackId = proposal.HoldBackReservation;
        var plan = proposal.AgreeToClawBack(Caller.Approval(http, ledger.Now, $"clawback {Fen.ToYuan(fen)}: {request.Reason}"), fen, request.Reason!, quorum.For(ApprovalQuorum.Clawback));
        var changes = new List<LedgerChange>();
        if (plan is not null)
        {
            var approvals = proposal.Decisions[^1].Approvals;
            if (plan.FromHoldBack > 0)
            {
                var reservation = await ledger.RequireAsync(session, holdBackId!.Value, cancellationToken);
                changes.Add(LedgerChange.Decision(reservation, reservation.Void("clawed back: " + request.Reason, ledger.Today, ledger.Now, Caller.Name(http))));
                if (plan.HoldBackLeft > 0)
                {
                    var header = CompensationProposals.Header(proposal, EntryKinds.Compensation, $"Compensation hold-back for {proposal.CityId} after a partial clawback", http, approvals);
                    var draft = await ledger.ValidateAsync(new EntryDraft(header, ledger.Today, CompensationPosting.Reserve(proposal.CityId, plan.HoldBackLeft)), cancellationToken);
                    var rest = CompensationProposals.Reserve(draft, EntryIds.ForReference($"compensation:{proposal.Id}:hold-back:{proposal.HoldBackClawed}"), ledger.Now);
                    proposal.HoldBackReservation = rest.EntryId;
                    changes.Add(LedgerChange.New(rest));
                }
            }

            if (plan.FromPaid > 0)
            {
                changes.Add(await ChargeAsync(proposal, plan.FromPaid, request.Reason!, approvals, session, ledger, outbox, http, cancellationToken));
            }
        }

        return await CompensationProposals.CommitAsync(proposal, changes, session, ledger, http, cancellationToken);
    }

    /// <summary>Money already paid comes back as an obligation of the city, like a penalty (its receipt returns to the pool).</summary>
    private static async Task<LedgerChange> ChargeAsync(
        CompensationProposal proposal, long amount, string reason, IReadOnlyList<Approval> approvals, IDocumentSession session, FundLedger ledger, EventOutbox outbox,
        HttpContext http, CancellationToken cancellationToken)
    {
        var obligationId = EntryIds.ForReference($"clawback:{proposal.Id}:{proposal.ClawedFromPaid}");
        var header = CompensationProposals.Header(proposal, EntryKinds.Clawback, $"Clawback from {proposal.CityId}: {reason}", http, approvals);
        var draft = await ledger.ValidateAsync(new EntryDraft(header, ledger.Today, ContributionPosting.Charge(proposal.CityId, amount)), cancellationToken);
        session.Insert(new Obligation
        {
            Id = obligationId, CityId = proposal.CityId, Kind = ObligationKind.Clawback, Amount = amount, DueDate = ledger.Today.AddDays(30),
            Code = $"CB-{obligationId.ToString("N")[..10].ToUpperInvariant()}", Description = $"Clawback of compensation {proposal.Id}: {reason}", SourceId = proposal.Id, CreatedAt = ledger.Now,
        });
        outbox.Enqueue(session, proposal.CityId, new PenaltyCharged(obligationId, proposal.CityId, PenaltyReasons.Clawback, Currencies.Cny, Fen.ToYuan(amount), proposal.Id, ledger.Now));
        return LedgerChange.New(draft.Post(obligationId, ledger.Now));
    }
}
