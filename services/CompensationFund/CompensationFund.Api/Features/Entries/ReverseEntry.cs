using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Entries;

public sealed record ReversalRequest(string? Reason, DateOnly? ValueDate);

/// <summary>
/// Finance corrects a posted entry by reversing it in full, dated in an open period; the original stays as it was
/// and both point at each other. A second reversal of the same entry is refused (409). A domain entry is refused (422)
/// with the route that reverses it under the quorum (<see cref="EntryReversals.RequestEntryReversal"/>).
/// </summary>
public static class ReverseEntry
{
    public static async Task<IResult> HandleAsync(
        Guid entryId, ReversalRequest request, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().RequireText(request.Reason, "reason", EntryDraft.MaxDescriptionLength);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var original = await ledger.RequireAsync(session, entryId, cancellationToken);
        FundLedger.EnsureManual(
            original,
            "reversed",
            $"propose its reversal with POST {EntryReversals.ReversalRequestEndpoints.Route(original.Id)}, which takes effect once the agreement's quorum of distinct people approves it.");
        var valueDate = request.ValueDate ?? ledger.Today;
        if (valueDate > ledger.Today)
        {
            throw new FundRuleException("The reversal is not valid", $"The value date {valueDate:yyyy-MM-dd} is in the future.");
        }

        var (reversal, marker) = original.Reverse(EntryIds.New(), request.Reason!, valueDate, ledger.Now, Caller.Source(http));
        LedgerChange[] changes = [LedgerChange.New(reversal), LedgerChange.Decision(original, marker)];
        ledger.Record(session, changes);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, EntryResponse.Of(reversal), EntryEndpoints.Location(reversal.EntryId));
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
