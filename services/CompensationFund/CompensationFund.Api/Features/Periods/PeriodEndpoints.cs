using Platform.ServiceDefaults.Errors;
using CompensationFund.Api.Domain.Periods;
using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Infrastructure.Http;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Idempotency;

namespace CompensationFund.Api.Features.Periods;

public sealed record PeriodResponse(string Period, DateOnly ClosedThrough, Guid? ClosingEntryId, int Accounts, string ClosedBy, DateTimeOffset ClosedAt)
{
    public static PeriodResponse From(PeriodClosed c) => new(c.Period, c.ClosedThrough, c.ClosingEntryId, c.Balances.Count, c.ClosedBy, c.ClosedAt);
}

public sealed record PeriodsResponse(DateOnly? ClosedThrough, IReadOnlyList<PeriodResponse> Closed);

/// <summary>Finance closes a month (docs/compensation-fund.md §6); everyone who reads the ledger sees how far the books are closed.</summary>
public static class PeriodEndpoints
{
    public static RouteGroupBuilder MapPeriodEndpoints(this RouteGroupBuilder api)
    {
        var periods = api.MapGroup("/periods").WithTags("Periods");
        periods.MapGet("/", ListAsync)
            .RequireAuthorization(FundPolicies.LedgerReader)
            .Produces<PeriodsResponse>()
            .WithSummary("Lists closed periods and how far the books are closed.");
        periods.MapPost("/{period}/close", CloseAsync)
            .RequireAuthorization(FundPolicies.Finance)
            .MovesMoney()
            .Produces<PeriodResponse>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Closes a month: income and expense into the pool, balances snapshotted, no posting dated into it afterwards (finance).");
        return periods;
    }

    private static async Task<IResult> ListAsync(IQuerySession session, BalanceReader balances, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(PeriodClosed.Stream, token: cancellationToken);
        var closed = events.Select(e => e.Data).OfType<PeriodClosed>().Select(PeriodResponse.From).ToList();
        return Results.Ok(new PeriodsResponse(await balances.ClosedThroughAsync(cancellationToken), closed));
    }

    private static async Task<IResult> CloseAsync(
        string period, IDocumentSession session, PeriodCloser closer, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        if (!AccountingPeriod.TryParse(period, out var month))
        {
            return Problems.BadRequest("period", "'period' is a month written yyyy-MM.");
        }

        var (closed, changes) = await closer.CloseAsync(session, month, Caller.Name(http), cancellationToken);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status200OK, PeriodResponse.From(closed));
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
