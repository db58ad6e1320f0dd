using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Entries;

/// <summary>Finance posts a balanced entry in one step. Limits are checked on the locked rows as it commits.</summary>
public static class PostEntry
{
    public static async Task<IResult> HandleAsync(EntryRequest request, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        var draft = request.ToDraft(EntryKinds.Manual, ledger.Today, Caller.Source(http), validation);
        if (draft is null)
        {
            return validation.ToProblem();
        }

        await ledger.ValidateManualAsync(draft, cancellationToken);
        var posted = draft.Post(request.NewEntryId(), ledger.Now);
        LedgerChange[] changes = [LedgerChange.New(posted)];
        ledger.Record(session, changes);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, EntryResponse.Of(posted), EntryEndpoints.Location(posted.EntryId));
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
