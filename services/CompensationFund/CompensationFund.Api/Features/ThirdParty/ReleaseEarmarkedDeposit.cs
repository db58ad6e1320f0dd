using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.ThirdParty;

public sealed record ReleaseRequest(string? CityId, decimal? Amount, string? Purpose, string? Reason);

/// <summary>
/// Finance releases earmarked money to a city for the deposit's purpose only, into the city's compensation payable; the
/// sub-account's floor refuses releasing more than is left.
/// </summary>
public static class ReleaseEarmarkedDeposit
{
    public static async Task<IResult> HandleAsync(
        Guid id, ReleaseRequest request, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        long fen = 0;
        var validation = new RequestValidation()
            .RequirePlain(request.CityId, "cityId")
            .RequireText(request.Purpose, "purpose", 100)
            .RequireText(request.Reason, "reason", 500)
            .Require(request.Amount is { } a && Fen.TryFromYuan(a, out fen) && fen > 0, "amount", "'amount' is a positive number of yuan exact to the fen.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await session.LoadAsync<ThirdPartyDeposit>(id, cancellationToken) is not { } deposit)
        {
            return Problems.NotFound($"No third-party deposit {id}.");
        }

        deposit.Release(request.Purpose!, fen);
        var source = Caller.Source(http) with
        {
            Inputs = new Dictionary<string, string> { ["depositId"] = deposit.Id.ToString(), ["donor"] = deposit.Donor, ["purpose"] = deposit.Purpose, ["reason"] = request.Reason! },
        };
        var header = new EntryHeader(EntryKinds.EarmarkedRelease, Currencies.Cny, $"Release of {deposit.Donor}'s deposit for {deposit.Purpose} to {request.CityId}: {request.Reason}", source);
        var draft = await ledger.ValidateAsync(new EntryDraft(header, ledger.Today, CompensationPosting.Reserve(request.CityId!, fen, deposit.Account)), cancellationToken);
        LedgerChange[] changes = [LedgerChange.New(draft.Post(EntryIds.New(), ledger.Now))];
        ledger.Record(session, changes);
        session.Store(deposit);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status200OK, DepositResponse.From(deposit));
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
