using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Infrastructure.Ledger;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Entries;

/// <summary>
/// Finance posts a balanced entry in one step. Limits are checked on the locked rows as it commits; entries posted at
/// the same time commit together (<see cref="LedgerGroupCommit"/>).
/// </summary>
public static class PostEntry
{
    public static async Task<IResult> HandleAsync(EntryRequest request, FundLedger ledger, LedgerGroupCommit groupCommit, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        var draft = request.ToDraft(EntryKinds.Manual, ledger.Today, Caller.Source(http), validation);
        if (draft is null)
        {
            return validation.ToProblem();
        }

        await ledger.ValidateManualAsync(draft, cancellationToken);
        var posted = draft.Post(request.NewEntryId(), ledger.Now);
        var response = IdempotencyKeys.Prepare(http, StatusCodes.Status201Created, EntryResponse.Of(posted), EntryEndpoints.Location(posted.EntryId));
        await groupCommit.CommitAsync([LedgerChange.New(posted)], response);
        return response.Result;
    }
}
