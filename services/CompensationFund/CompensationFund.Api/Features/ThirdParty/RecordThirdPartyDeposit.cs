using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.ThirdParty;

public sealed record DepositRequest(string? Donor, decimal? Amount, string? Purpose, string? Conditions, DateOnly? ReceivedOn, string? BankReference);

/// <summary>
/// Finance records third-party money as it arrives (domain.md §3.2): Dr bank, Cr the deposit's own earmarked sub-account
/// (opened here) or the general incentive pool. A bank reference makes the id, so the same transfer is recorded once.
/// </summary>
public static class RecordThirdPartyDeposit
{
    public static async Task<IResult> HandleAsync(
        DepositRequest request, IDocumentSession session, FundLedger ledger, AccountOpening opening, HttpContext http, CancellationToken cancellationToken)
    {
        long fen = 0;
        var validation = new RequestValidation()
            .RequireText(request.Donor, "donor")
            .RequirePlain(request.BankReference, "bankReference", required: false)
            .RequireText(request.Purpose, "purpose", 100)
            .Require(request.Amount is { } a && Fen.TryFromYuan(a, out fen) && fen > 0, "amount", "'amount' is a positive number of yuan exact to the fen.")
            .Require(request.ReceivedOn is null || request.ReceivedOn <= ledger.Today, "receivedOn", "'receivedOn' is not in the future.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var id = request.BankReference is null ? EntryIds.New() : EntryIds.ForReference("third-party:" + request.BankReference);
        var deposit = ThirdPartyDeposit.Receive(id, request.Donor!, fen, request.Purpose!, request.Conditions, request.ReceivedOn ?? ledger.Today, ledger.Now);
        if (deposit.IsEarmarked)
        {
            opening.Open(session, [LedgerAccount.OpenFundAccount(deposit.Account, LedgerAccountKind.Earmarked, $"Earmarked: {deposit.Purpose} ({deposit.Donor})", ledger.Now, deposit.Purpose)]);
        }

        var source = Caller.Source(http) with { Inputs = new Dictionary<string, string> { ["donor"] = deposit.Donor, ["purpose"] = deposit.Purpose, ["conditions"] = deposit.Conditions ?? "none" } };
        var header = new EntryHeader(EntryKinds.ThirdPartyDeposit, Currencies.Cny, $"Third-party deposit from {deposit.Donor} for {deposit.Purpose}", source, request.BankReference);
        var lines = new[] { JournalLine.Debit(FundAccounts.Bank, fen), JournalLine.Credit(deposit.Account, fen) };
        var draft = new EntryDraft(header, deposit.ReceivedOn, lines).EnsureValid(ledger.Today);
        LedgerChange[] changes = [LedgerChange.New(draft.Post(deposit.Id, ledger.Now))];
        ledger.Record(session, changes);
        session.Insert(deposit);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, DepositResponse.From(deposit), $"{CompensationFundModule.RoutePrefix}/third-party-deposits/{deposit.Id}");
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
