using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Domain.Settlement;
using CompensationFund.Api.Features.Entries;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts.Fund;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Settlements;

public sealed record SettlementPaymentRequest(string? CityId, decimal? Amount, DateOnly? PaidOn, string? BankReference);

/// <summary>
/// Finance records money a city paid into the clearing account, or the fund paid out to a city, for an allocation: the
/// cash leg against the bank, one net amount per city, in full or in part. Publishes <see cref="SettlementPaid"/>
/// (trust-score counts late settlements).
/// </summary>
public static class PaySettlement
{
    public static async Task<IResult> HandleAsync(
        Guid allocationId, SettlementPaymentRequest request, IDocumentSession session, FundLedger ledger, SettlementPayments payments, HttpContext http,
        CancellationToken cancellationToken)
    {
        long fen = 0;
        var validation = new RequestValidation()
            .RequirePlain(request.CityId, "cityId")
            .RequirePlain(request.BankReference, "bankReference", required: false)
            .Require(request.Amount is { } a && Fen.TryFromYuan(a, out fen) && fen > 0, "amount", "'amount' is a positive number of yuan exact to the fen.")
            .Require(request.PaidOn is null || request.PaidOn <= ledger.Today, "paidOn", "'paidOn' is not in the future.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        // An unknown id in the path is a 404 on every verb (architecture.md §5); the shared payment path, also fed by bank
        // lines naming an allocation in their text, refuses an unknown one as a rule (422) instead.
        if (await session.LoadAsync<AllocationSettlement>(allocationId, cancellationToken) is null)
        {
            return Problems.NotFound($"No settlement for allocation {allocationId}.");
        }

        var change = await payments.PayAsync(
            session, [], allocationId, request.CityId!, fen, request.PaidOn ?? ledger.Today, request.BankReference, Caller.Source(http), expected: null, cancellationToken);
        LedgerChange[] changes = [change];
        ledger.Record(session, changes);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, EntryResponse.Of(change.Event), EntryEndpoints.Location(change.Stream));
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
