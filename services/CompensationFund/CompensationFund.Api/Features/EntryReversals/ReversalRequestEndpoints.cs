using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Infrastructure.Http;
using Marten;
using Platform.Idempotency;

namespace CompensationFund.Api.Features.EntryReversals;

/// <summary>
/// <c>/entries/{entryId}/reversal-requests</c>: a domain entry is reversed only with the agreement of the quorum
/// (docs/compensation-fund.md §15). Finance and the coordinating body propose, agree and refuse; auditors read.
/// </summary>
public static class ReversalRequestEndpoints
{
    public static string Route(Guid entryId) => $"{CompensationFundModule.RoutePrefix}/entries/{entryId}/reversal-requests";

    public static string Location(EntryReversalRequest request) => $"{Route(request.EntryId)}/{request.Id}";

    public static RouteGroupBuilder MapReversalRequestEndpoints(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/entries/{entryId:guid}/reversal-requests").WithTags("Journal entries");
        requests.MapPost("/", RequestEntryReversal.HandleAsync).RequireAuthorization(FundPolicies.Corrector).MovesMoney()
            .Produces<ReversalRequestResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Proposes reversing a domain entry; posted once the agreement's quorum of distinct people agrees (finance, coordinator).");
        requests.MapGet("/", ListAsync).WithName("listEntryReversalRequests").RequireAuthorization(FundPolicies.LedgerReader)
            .Produces<IReadOnlyList<ReversalRequestResponse>>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Lists the requests to reverse an entry with who agreed and refused (coordinator, finance, auditor).");
        requests.MapGet("/{requestId:guid}", GetAsync).WithName("getEntryReversalRequest").RequireAuthorization(FundPolicies.LedgerReader)
            .Produces<ReversalRequestResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reads a reversal request with its history: who, in which role, when, and why (coordinator, finance, auditor).");
        requests.MapPost("/{requestId:guid}/approvals", DecideEntryReversal.ApproveAsync).RequireAuthorization(FundPolicies.Corrector).MovesMoney()
            .Produces<ReversalRequestResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Agrees to a pending reversal, each person once; the agreement that completes the quorum posts it (finance, coordinator).");
        requests.MapPost("/{requestId:guid}/rejections", DecideEntryReversal.RejectAsync).RequireAuthorization(FundPolicies.Corrector).WithIdempotencyKey()
            .Produces<ReversalRequestResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Refuses a pending reversal with a reason; the request is closed and nothing is posted (finance, coordinator).");
        return requests;
    }

    private static async Task<IResult> ListAsync(Guid entryId, IQuerySession session, Infrastructure.Ledger.FundLedger ledger, CancellationToken cancellationToken)
    {
        await ledger.RequireAsync(session, entryId, cancellationToken);
        var requests = await ReversalRequests.OfEntryAsync(session, entryId, cancellationToken);
        return Results.Ok(requests.Select(ReversalRequestResponse.From).ToList());
    }

    private static async Task<IResult> GetAsync(Guid entryId, Guid requestId, IQuerySession session, CancellationToken cancellationToken) =>
        Results.Ok(ReversalRequestResponse.From(await ReversalRequests.RequireAsync(session, entryId, requestId, cancellationToken)));
}
