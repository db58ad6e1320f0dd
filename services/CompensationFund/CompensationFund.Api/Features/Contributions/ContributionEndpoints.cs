using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Features.Payments;
using CompensationFund.Api.Infrastructure.Http;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace CompensationFund.Api.Features.Contributions;

public static class ContributionEndpoints
{
    public static RouteGroupBuilder MapContributionEndpoints(this RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/contribution-calls").WithTags("Contributions");
        calls.MapPost("/", CallContributions.HandleAsync)
            .RequireAuthorization(FundPolicies.Finance).MovesMoney()
            .Produces<ContributionCallResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Calls the members' contributions for a period by the agreement's formula (finance).");
        calls.MapGet("/", ListCallsAsync).RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<Page<ContributionCallResponse>>().WithSummary("Lists contribution calls, newest first.");
        calls.MapGet("/{period}", GetCallAsync).RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<ContributionCallResponse>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Reads one period's call.");

        api.MapPost("/payments", RecordPayment.HandleAsync).WithTags("Contributions")
            .RequireAuthorization(FundPolicies.Finance).MovesMoney()
            .Produces<PaymentResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Records money a city paid: applied to what it owes, oldest first; over-payments held as unapplied (finance).");
        api.MapGet("/obligations", ListObligationsAsync).WithTags("Contributions").RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<Page<ObligationResponse>>().WithSummary("Lists obligations (a city: its own), optionally only those overdue as of a date (arrears).");
        api.MapPost("/penalties/late-payment", LatePaymentPenalties.HandleAsync).WithTags("Contributions")
            .RequireAuthorization(FundPolicies.Finance).MovesMoney()
            .Produces<AssessmentResponse>().WithSummary("Charges late-payment penalties up to a date, each day once (finance).");
        return calls;
    }

    private static async Task<IResult> ListCallsAsync(IQuerySession session, HttpContext http, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize);
        var total = await session.Query<ContributionCall>().CountAsync(cancellationToken);
        var calls = await session.Query<ContributionCall>().OrderByDescending(c => c.CalledAt).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return Results.Ok(new Page<ContributionCallResponse>([.. calls.Select(c => ContributionCallResponse.For(c, http))], request.Number, request.Size, total));
    }

    private static async Task<IResult> GetCallAsync(string period, IQuerySession session, HttpContext http, CancellationToken cancellationToken) =>
        await session.LoadAsync<ContributionCall>(ContributionCall.IdFor(period), cancellationToken) is { } call
            ? Results.Ok(ContributionCallResponse.For(call, http))
            : Problems.NotFound($"No contribution call for period {period}.");

    /// <summary>Obligations, paged; <c>overdue=true</c> keeps only those past due with money outstanding as of <c>asOf</c> (arrears).</summary>
    private static async Task<IResult> ListObligationsAsync(
        IQuerySession session, FundLedger ledger, HttpContext http, string? cityId, bool? overdue, DateOnly? asOf, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize);
        var date = asOf ?? ledger.Today;
        var city = http.User.IsCity() ? http.User.CityId() : cityId;
        var query = session.Query<Obligation>().AsQueryable();
        if (city is not null)
        {
            query = query.Where(o => o.CityId == city);
        }

        if (overdue == true)
        {
            query = query.Where(o => o.DueDate < date);
        }

        var all = (await query.ToListAsync(cancellationToken)).Where(o => overdue != true || o.Outstanding > 0).OrderBy(o => o.DueDate).ThenBy(o => o.Code, StringComparer.Ordinal).ToList();
        var items = all.Skip(request.Skip).Take(request.Size).Select(o => ObligationResponse.From(o, date)).ToList();
        return Results.Ok(new Page<ObligationResponse>(items, request.Number, request.Size, all.Count));
    }
}
