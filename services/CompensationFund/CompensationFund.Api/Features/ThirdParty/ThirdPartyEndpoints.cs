using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Infrastructure.Http;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Messaging.Idempotency;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.ThirdParty;

public sealed record DepositRequest(string? Donor, decimal? Amount, string? Purpose, string? Conditions, DateOnly? ReceivedOn, string? BankReference);

public sealed record ReleaseRequest(string? CityId, decimal? Amount, string? Purpose, string? Reason);

public sealed record DepositResponse(Guid Id, string Donor, decimal Amount, string Purpose, string? Conditions, string Account, decimal Released, DateOnly ReceivedOn)
{
    public static DepositResponse From(ThirdPartyDeposit d) => new(d.Id, d.Donor, Fen.ToYuan(d.Amount), d.Purpose, d.Conditions, d.Account, Fen.ToYuan(d.Released), d.ReceivedOn);
}

/// <summary>
/// Finance records third-party money as it arrives — earmarked into its own sub-account, or general into the incentive
/// pool — and releases earmarked money to a city only for its purpose, to the city's compensation payable.
/// </summary>
public static class ThirdPartyEndpoints
{
    public static RouteGroupBuilder MapThirdPartyEndpoints(this RouteGroupBuilder api)
    {
        var deposits = api.MapGroup("/third-party-deposits").WithTags("Third-party deposits");
        deposits.MapPost("/", DepositAsync).RequireAuthorization(FundPolicies.Finance).MovesMoney()
            .Produces<DepositResponse>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("Records a third-party deposit (finance).");
        deposits.MapGet("/", ListAsync).RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<Page<DepositResponse>>().WithSummary("Lists third-party deposits with what is released of each.");
        deposits.MapPost("/{id:guid}/releases", ReleaseAsync).RequireAuthorization(FundPolicies.Finance).MovesMoney()
            .Produces<DepositResponse>().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Releases earmarked money to a city for the deposit's purpose only (finance).");
        return deposits;
    }

    private static async Task<IResult> DepositAsync(
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

        var deposit = new ThirdPartyDeposit
        {
            Id = request.BankReference is null ? EntryIds.New() : EntryIds.ForReference("third-party:" + request.BankReference), Donor = request.Donor!, Amount = fen,
            Purpose = ThirdPartyDeposit.Normalize(request.Purpose!), Conditions = request.Conditions, ReceivedOn = request.ReceivedOn ?? ledger.Today, RecordedAt = ledger.Now,
        };
        deposit.Account = deposit.IsEarmarked ? FundAccounts.Earmark(deposit.Id) : FundAccounts.ThirdPartyPool;
        if (deposit.IsEarmarked)
        {
            opening.Open(session, [LedgerAccount.OpenFundAccount(deposit.Account, LedgerAccountKind.Earmarked, $"Earmarked: {deposit.Purpose} ({deposit.Donor})", ledger.Now, deposit.Purpose)]);
        }

        var source = Caller.Source(http) with { Inputs = new Dictionary<string, string> { ["donor"] = deposit.Donor, ["purpose"] = deposit.Purpose, ["conditions"] = deposit.Conditions ?? "none" } };
        var header = new EntryHeader(EntryKinds.ThirdPartyDeposit, "CNY", $"Third-party deposit from {deposit.Donor} for {deposit.Purpose}", source, request.BankReference);
        var lines = new[] { JournalLine.Debit(FundAccounts.Bank, fen), JournalLine.Credit(deposit.Account, fen) };
        var draft = new EntryDraft(header, deposit.ReceivedOn, lines).EnsureValid(ledger.Today);
        LedgerChange[] changes = [LedgerChange.New(draft.Post(deposit.Id, ledger.Now))];
        ledger.Record(session, changes);
        session.Insert(deposit);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, DepositResponse.From(deposit), $"{CompensationFundModule.RoutePrefix}/third-party-deposits/{deposit.Id}");
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }

    private static async Task<IResult> ReleaseAsync(
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

        var deposit = await session.LoadAsync<ThirdPartyDeposit>(id, cancellationToken) ?? throw new FundRuleException("Unknown deposit", $"No third-party deposit {id}.");
        deposit.EnsureReleasableFor(request.Purpose!);
        var source = Caller.Source(http) with
        {
            Inputs = new Dictionary<string, string> { ["depositId"] = deposit.Id.ToString(), ["donor"] = deposit.Donor, ["purpose"] = deposit.Purpose, ["reason"] = request.Reason! },
        };
        var header = new EntryHeader(EntryKinds.EarmarkedRelease, "CNY", $"Release of {deposit.Donor}'s deposit for {deposit.Purpose} to {request.CityId}: {request.Reason}", source);
        var draft = await ledger.ValidateAsync(new EntryDraft(header, ledger.Today, CompensationPosting.Reserve(request.CityId!, fen, deposit.Account)), cancellationToken);
        LedgerChange[] changes = [LedgerChange.New(draft.Post(EntryIds.New(), ledger.Now))];
        deposit.Released += fen;
        ledger.Record(session, changes);
        session.Store(deposit);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status200OK, DepositResponse.From(deposit));
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }

    private static async Task<IResult> ListAsync(IQuerySession session, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize);
        var total = await session.Query<ThirdPartyDeposit>().CountAsync(cancellationToken);
        var items = await session.Query<ThirdPartyDeposit>().OrderByDescending(d => d.RecordedAt).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return Results.Ok(new Page<DepositResponse>([.. items.Select(DepositResponse.From)], request.Number, request.Size, total));
    }
}
