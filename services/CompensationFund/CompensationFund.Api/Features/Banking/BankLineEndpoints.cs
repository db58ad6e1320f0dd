using CompensationFund.Api.Domain.Banking;
using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Infrastructure.Http;
using Marten;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Banking;

/// <summary>
/// Bank transactions across imports, as finance works through them: listed by status, read one by one, and an unmatched
/// or conflicting one matched by hand to the receivable it pays.
/// </summary>
public static class BankLineEndpoints
{
    public static RouteGroupBuilder MapBankLineEndpoints(this RouteGroupBuilder api)
    {
        var lines = api.MapGroup("/bank-lines").WithTags("Bank statements");
        lines.MapGet("/", ListAsync).RequireAuthorization(FundPolicies.LedgerReader)
            .Produces<Page<BankLineResponse>>().ProducesValidationProblem()
            .WithSummary("Lists bank lines, optionally by status (matched, unmatched, conflicting, outgoing), oldest first.");
        lines.MapGet("/{lineId:guid}", GetAsync).RequireAuthorization(FundPolicies.LedgerReader)
            .Produces<BankLineResponse>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Reads one bank line.");
        lines.MapPost("/{lineId:guid}/match", MatchBankLine.HandleAsync).RequireAuthorization(FundPolicies.Finance).MovesMoney()
            .Produces<BankLineResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Matches an unmatched or conflicting bank line by hand to the receivable it pays (finance).");
        return lines;
    }

    public static string Location(Guid lineId) => $"{CompensationFundModule.RoutePrefix}/bank-lines/{lineId}";

    private static async Task<IResult> GetAsync(Guid lineId, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<BankLineRecord>(lineId, cancellationToken) is { } line
            ? Results.Ok(BankLineResponse.From(line))
            : Problems.NotFound($"No bank line {lineId}.");

    private static async Task<IResult> ListAsync(IQuerySession session, string? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        BankLineState? state = null;
        if (status is not null)
        {
            if (!Enum.TryParse<BankLineState>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                return Problems.BadRequest("status", "'status' is one of matched, unmatched, conflicting, outgoing.");
            }

            state = parsed;
        }

        var request = PageRequest.From(page, pageSize);
        IQueryable<BankLineRecord> query = session.Query<BankLineRecord>();
        if (state is { } wanted)
        {
            query = query.Where(l => l.State == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(l => l.Date).ThenBy(l => l.BankReference).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return Results.Ok(new Page<BankLineResponse>([.. items.Select(BankLineResponse.From)], request.Number, request.Size, total));
    }
}
