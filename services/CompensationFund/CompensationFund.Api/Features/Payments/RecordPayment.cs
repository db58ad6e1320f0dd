using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Payments;

public sealed record PaymentRequest(string? CityId, decimal? Amount, DateOnly? ReceivedOn, string? BankReference, string? ObligationCode);

public sealed record ApplicationResponse(string Code, string Kind, decimal Applied, decimal Outstanding);

public sealed record PaymentResponse(
    Guid EntryId, string CityId, decimal Amount, string Outcome, IReadOnlyList<ApplicationResponse> Applications, decimal Unapplied, decimal PenaltyCredited = 0m);

/// <summary>
/// Finance records money a city paid (contributions, penalties): applied in full, in part, or with an over-payment held
/// as unapplied receipts. The bank reference, when given, names the entry, so recording the same transfer twice is refused.
/// </summary>
public static class RecordPayment
{
    public static async Task<IResult> HandleAsync(
        PaymentRequest request, IDocumentSession session, PaymentRecorder recorder, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        long fen = 0;
        var validation = new RequestValidation()
            .RequirePlain(request.CityId, "cityId")
            .RequirePlain(request.BankReference, "bankReference", required: false)
            .RequirePlain(request.ObligationCode, "obligationCode", required: false)
            .Require(request.Amount is { } a && Fen.TryFromYuan(a, out fen) && fen > 0, "amount", "'amount' is a positive number of yuan exact to the fen.")
            .Require(request.ReceivedOn is null || request.ReceivedOn <= ledger.Today, "receivedOn", "'receivedOn' is not in the future.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await session.LoadAsync<FundMember>(request.CityId!, cancellationToken) is null)
        {
            return Problems.NotFound($"No member city '{request.CityId}'.");
        }

        var book = new ObligationBook(session);
        var payment = new ReceivedPayment(request.CityId!, fen, request.ReceivedOn ?? ledger.Today, request.BankReference, request.ObligationCode, Caller.Source(http));
        var (result, change, credits) = await recorder.RecordAsync(session, book, payment, cancellationToken);
        LedgerChange[] changes = [change, .. credits];
        ledger.Record(session, changes);
        var response = Response(change.Stream, payment, result) with { PenaltyCredited = Fen.ToYuan(PaymentRecorder.Credited(credits)) };
        var output = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, response, Entries.EntryEndpoints.Location(change.Stream));
        await ledger.CommitAsync(session, changes, cancellationToken);
        return output;
    }

    public static PaymentResponse Response(Guid entryId, ReceivedPayment payment, Domain.Contributions.PaymentApplicationResult result) => new(
        entryId, payment.CityId, Fen.ToYuan(payment.Amount), result.Outcome,
        [.. result.Applications.Select(a => new ApplicationResponse(a.Obligation.Code, ObligationKinds.Name(a.Obligation.Kind), Fen.ToYuan(a.Amount), Fen.ToYuan(a.Obligation.Outstanding)))],
        Fen.ToYuan(result.Excess));
}
