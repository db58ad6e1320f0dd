using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Features.Entries;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Reservations;

/// <summary>
/// The second phase: finance posts a reservation (in full, or a two-line one in part, releasing the rest) or voids
/// it. Of two racing decisions only one appends to the reservation's stream; the other gets 409.
/// </summary>
public static class DecideReservation
{
    public static async Task<IResult> PostAsync(
        Guid entryId, PostReservationRequest request, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        long fen = 0;
        var validation = new RequestValidation()
            .Require(request.Amount is null || Fen.TryFromYuan(request.Amount.Value, out fen), "amount", "'amount' is a number of yuan exact to the fen.")
            .Require(request.ValueDate is null || request.ValueDate <= ledger.Today, "valueDate", "'valueDate' is not in the future.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var entry = await ledger.RequireAsync(session, entryId, cancellationToken);
        FundLedger.EnsureManual(entry, "posted");
        var decision = entry.Post(request.Amount is null ? null : fen, request.ValueDate ?? ledger.Today, ledger.Now, Caller.Name(http));
        return await CommitAsync(entry, decision, session, ledger, http, cancellationToken);
    }

    public static async Task<IResult> VoidAsync(
        Guid entryId, VoidReservationRequest request, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().RequireText(request.Reason, "reason", EntryDraft.MaxDescriptionLength);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var entry = await ledger.RequireAsync(session, entryId, cancellationToken);
        FundLedger.EnsureManual(entry, "voided");
        var decision = entry.Void(request.Reason!, ledger.Today, ledger.Now, Caller.Name(http));
        return await CommitAsync(entry, decision, session, ledger, http, cancellationToken);
    }

    private static async Task<IResult> CommitAsync(
        JournalEntry entry, ILedgerEvent decision, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        LedgerChange[] changes = [LedgerChange.Decision(entry, decision)];
        ledger.Record(session, changes);
        session.Delete<PendingReservation>(entry.Id);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status200OK, EntryResponse.After(entry, decision));
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
