using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Features.Entries;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Reservations;

/// <summary>
/// Finance holds money for a later decision (the first phase of a two-phase entry): the lines go to the pending
/// counters, so a floor already counts them, and are posted, voided, or released when the reservation expires.
/// </summary>
public static class Reserve
{
    public static async Task<IResult> HandleAsync(
        ReservationRequest request, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        var now = ledger.Now;
        var expiresAt = request.ExpiresAt ?? now + ReservationRequest.DefaultLifetime;
        validation.Require(expiresAt > now && expiresAt <= now + ReservationRequest.MaxLifetime, "expiresAt", "'expiresAt' is in the future and at most 90 days away.");
        var draft = request.Entry.ToDraft(EntryKinds.Manual, ledger.Today, Caller.Source(http), validation);
        if (draft is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        await ledger.ValidateManualAsync(draft, cancellationToken);
        var reserved = draft.Reserve(request.Entry.NewEntryId(), now, expiresAt);
        LedgerChange[] changes = [LedgerChange.New(reserved)];
        ledger.Record(session, changes);
        session.Store(new PendingReservation { Id = reserved.EntryId, ExpiresAt = expiresAt });
        var result = IdempotencyKeys.Complete(
            http, session, StatusCodes.Status201Created, EntryResponse.Of(reserved), EntryEndpoints.Location(reserved.EntryId));
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
