using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Features.Entries;
using CompensationFund.Api.Infrastructure.Http;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Compensation;

public sealed record PayOutRequest(string? CityId, decimal? Amount, string? BankReference, string? Description);

/// <summary>
/// Finance pays out of the bank what the fund owes a city on its compensation payable (an earmarked release, say). The
/// payable's floor of zero refuses paying a city more than it is owed.
/// </summary>
public static class PayOut
{
    public static RouteHandlerBuilder MapPayOut(this RouteGroupBuilder api) =>
        api.MapPost("/payouts", HandleAsync).WithTags("Compensation").RequireAuthorization(FundPolicies.Finance).MovesMoney()
            .Produces<EntryResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Pays out what the fund owes a city on its compensation payable (finance).");

    public static async Task<IResult> HandleAsync(PayOutRequest request, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        long fen = 0;
        var validation = new RequestValidation()
            .RequirePlain(request.CityId, "cityId")
            .RequirePlain(request.BankReference, "bankReference", required: false)
            .Require(request.Amount is { } a && Fen.TryFromYuan(a, out fen) && fen > 0, "amount", "'amount' is a positive number of yuan exact to the fen.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await EnsureNotOwedOnProposalsAsync(request.CityId!, fen, session, ledger, cancellationToken);
        var header = new EntryHeader(EntryKinds.CompensationPayment, Currencies.Cny, request.Description ?? $"Paid out to {request.CityId}", Caller.Source(http), request.BankReference);
        var draft = await ledger.ValidateAsync(new EntryDraft(header, ledger.Today, CompensationPosting.PayOut(request.CityId!, fen)), cancellationToken);
        var posted = draft.Post(request.BankReference is null ? EntryIds.New() : EntryIds.ForReference("bank:" + request.BankReference), ledger.Now);
        LedgerChange[] changes = [LedgerChange.New(posted)];
        ledger.Record(session, changes);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, EntryResponse.Of(posted), EntryEndpoints.Location(posted.EntryId));
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }

    /// <summary>
    /// What the city is owed on compensation proposals is paid only by disbursing them (which checks the approvals), so a
    /// payout takes only the rest of the payable — an earmarked release, say (separation of duties).
    /// </summary>
    private static async Task EnsureNotOwedOnProposalsAsync(string cityId, long amount, IQuerySession session, FundLedger ledger, CancellationToken cancellationToken)
    {
        var account = LedgerAccount.IdFor(cityId, LedgerAccountKind.CompensationPayable);
        var proposals = await session.Query<CompensationProposal>().Where(p => p.CityId == cityId && p.Payable > p.Paid).ToListAsync(cancellationToken);
        var owedOnProposals = proposals.Sum(p => p.Payable - p.Paid);
        var live = (await ledger.Balances.LiveAsync([account], cancellationToken)).GetValueOrDefault(account);
        var payable = live is null ? 0 : live.Balance.Lowest(live.Side);
        if (amount > payable - owedOnProposals)
        {
            throw new FundRuleException(
                "Owed on compensation proposals",
                $"{cityId} may be paid out at most {Fen.ToYuan(Math.Max(0, payable - owedOnProposals))} here; {Fen.ToYuan(owedOnProposals)} of its payable is approved compensation, paid only by disbursing its proposal.");
        }
    }
}
