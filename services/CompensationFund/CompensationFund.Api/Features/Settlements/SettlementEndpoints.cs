using CompensationFund.Api.Domain.Settlement;
using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Features.Entries;
using CompensationFund.Api.Infrastructure.Http;
using Marten;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace CompensationFund.Api.Features.Settlements;

public static class SettlementEndpoints
{
    public static RouteGroupBuilder MapSettlementEndpoints(this RouteGroupBuilder api)
    {
        var settlements = api.MapGroup("/settlements").WithTags("Settlements");
        settlements.MapGet("/", ListAsync)
            .RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<Page<SettlementResponse>>()
            .WithSummary("Lists allocations' settlements, newest first (a city: those it takes part in, its own position only).");
        settlements.MapGet("/{allocationId:guid}", GetAsync)
            .RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<SettlementResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reads one allocation's settlement.");
        settlements.MapPost("/{allocationId:guid}/payments", PaySettlement.HandleAsync)
            .RequireAuthorization(FundPolicies.Finance)
            .MovesMoney()
            .Produces<EntryResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Records a city's settlement paid in or out (finance).");
        return settlements;
    }

    private static async Task<IResult> GetAsync(Guid allocationId, IQuerySession session, HttpContext http, CancellationToken cancellationToken)
    {
        var record = await session.LoadAsync<AllocationSettlement>(allocationId, cancellationToken);
        var city = http.User.IsCity() ? http.User.CityId() : null;
        if (record is null || (city is not null && record.Positions.All(p => p.CityId != city)))
        {
            return Problems.NotFound($"No settlement for allocation {allocationId}.");
        }

        return Results.Ok(SettlementResponse.From(record, city));
    }

    private static async Task<IResult> ListAsync(IQuerySession session, HttpContext http, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize);
        var city = http.User.IsCity() ? http.User.CityId() : null;
        var query = session.Query<AllocationSettlement>().AsQueryable();
        if (city is not null)
        {
            query = query.Where(s => s.Positions.Any(p => p.CityId == city));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(s => s.FinalizedAt).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return Results.Ok(new Page<SettlementResponse>([.. items.Select(s => SettlementResponse.From(s, city))], request.Number, request.Size, total));
    }
}
