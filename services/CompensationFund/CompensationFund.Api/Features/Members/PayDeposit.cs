using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Features.Banking;
using CompensationFund.Api.Features.Entries;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Members;

/// <param name="Currency">The fund's currency when left out; any other is refused by the rule (422).</param>
/// <param name="Reference">The bank's reference of the transfer: it names the entry, so the same transfer is posted once and a bank import matches it.</param>
public sealed record DepositPaymentRequest(decimal? Amount, string? Currency, DateOnly? ValueDate, string? Reference)
{
    /// <summary>The shape of the request (400); whether the amount is a payment at all is the domain's rule (422).</summary>
    public RequestValidation Validate(DateOnly today, out long fen)
    {
        long exact = 0;
        var validation = new RequestValidation()
            .Require(Amount is { } a && Fen.TryFromYuan(a, out exact), "amount", "'amount' is a number of yuan exact to the fen.")
            .RequirePlain(Currency, "currency", required: false)
            .RequirePlain(Reference, "reference", required: false)
            .Require(ValueDate is null || ValueDate <= today, "valueDate", "'valueDate' is not in the future.");
        fen = exact;
        return validation;
    }
}

/// <summary>
/// Finance records a city's payment into the deposit its trust tier requires: Dr <c>fund:bank</c>, Cr
/// <c>city:{id}:deposits-held</c>, as a journal entry with its event. <c>GET /members/{cityId}/deposit</c> then shows it
/// held against what is required.
/// </summary>
public static class PayDeposit
{
    public static async Task<IResult> HandleAsync(
        string cityId, DepositPaymentRequest request, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = request.Validate(ledger.Today, out var fen);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await session.LoadAsync<FundMember>(cityId, cancellationToken) is not { JoinedAt: not null } member)
        {
            return Problems.NotFound($"No member city '{cityId}'.");
        }

        var lines = DepositPayment.Lines(cityId, fen, request.Currency ?? LedgerAccount.DefaultCurrency);
        var source = Caller.Source(http) with { Inputs = new Dictionary<string, string> { ["trustTier"] = member.TrustTier } };
        var header = new EntryHeader(EntryKinds.CityDeposit, LedgerAccount.DefaultCurrency, $"Deposit paid by {cityId} (trust tier {member.TrustTier})", source, request.Reference);
        var draft = await ledger.ValidateAsync(new EntryDraft(header, request.ValueDate ?? ledger.Today, lines), cancellationToken);
        var id = request.Reference is { } reference ? BankLinePoster.EntryIdFor(reference) : EntryIds.New();
        LedgerChange[] changes = [LedgerChange.New(draft.Post(id, ledger.Now))];
        ledger.Record(session, changes);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, EntryResponse.Of(changes[0].Event), EntryEndpoints.Location(id));
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
