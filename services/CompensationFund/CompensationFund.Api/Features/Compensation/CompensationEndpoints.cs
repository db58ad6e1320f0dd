using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Infrastructure.Http;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace CompensationFund.Api.Features.Compensation;

public static class CompensationEndpoints
{
    public static RouteGroupBuilder MapCompensationEndpoints(this RouteGroupBuilder api)
    {
        var compensation = api.MapGroup("/compensation").WithTags("Compensation");
        compensation.MapGet("/", ListAsync).RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<Page<CompensationResponse>>().WithSummary("Lists compensation proposals, by allocation or city (a city: its own).");
        compensation.MapGet("/{id:guid}", GetAsync).RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<CompensationResponse>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Reads a proposal with its explanation.");
        compensation.MapPost("/{id:guid}/approve", ApproveCompensation.ApproveAsync).RequireAuthorization(FundPolicies.Approver).MovesMoney()
            .Produces<CompensationResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Approves a proposal; the approval that completes the policy's count reserves the money (coordinator).");
        compensation.MapPost("/{id:guid}/reject", ApproveCompensation.RejectAsync).RequireAuthorization(FundPolicies.Approver).WithIdempotencyKey()
            .Produces<CompensationResponse>().WithSummary("Rejects a proposal (coordinator).");
        compensation.MapPost("/{id:guid}/disburse", DisburseCompensation.DisburseAsync).RequireAuthorization(FundPolicies.Finance).MovesMoney()
            .Produces<CompensationResponse>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Posts and pays approved compensation (finance).");
        compensation.MapPost("/{id:guid}/hold-back/release", ReleaseHoldBack.ReleaseAsync).RequireAuthorization(FundPolicies.Approver).MovesMoney()
            .Produces<CompensationResponse>().WithSummary("Agrees to release the hold-back to the city's payable; the agreement that completes the quorum releases it (coordinator).");
        compensation.MapPost("/{id:guid}/clawback", ClawBackCompensation.ClawBackAsync).RequireAuthorization(FundPolicies.Approver).MovesMoney()
            .Produces<CompensationResponse>().WithSummary("Agrees to claw back what is held back or was paid; the agreement that completes the quorum takes it (coordinator).");
        return compensation;
    }

    private static async Task<IResult> GetAsync(Guid id, IQuerySession session, HttpContext http, CancellationToken cancellationToken)
    {
        var proposal = await session.LoadAsync<CompensationProposal>(id, cancellationToken);
        return proposal is null || !http.User.MayReadCity(proposal.CityId)
            ? Problems.NotFound($"No compensation proposal {id}.")
            : Results.Ok(CompensationResponse.From(proposal));
    }

    private static async Task<IResult> ListAsync(
        IQuerySession session, HttpContext http, Guid? allocationId, string? cityId, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize);
        var city = http.User.IsCity() ? http.User.CityId() : cityId;
        var query = session.Query<CompensationProposal>().AsQueryable();
        if (allocationId is { } allocation)
        {
            query = query.Where(p => p.AllocationId == allocation);
        }

        if (city is not null)
        {
            query = query.Where(p => p.CityId == city);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(p => p.ProposedAt).ThenBy(p => p.CityId).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return Results.Ok(new Page<CompensationResponse>([.. items.Select(CompensationResponse.From)], request.Number, request.Size, total));
    }
}
