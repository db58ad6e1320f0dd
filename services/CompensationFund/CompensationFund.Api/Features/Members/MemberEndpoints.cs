using Platform.ServiceDefaults.Api;
using CompensationFund.Api.Infrastructure.Http;
using Platform.ServiceDefaults.Security;

namespace CompensationFund.Api.Features.Members;

public static class MemberEndpoints
{
    public static RouteGroupBuilder MapMemberEndpoints(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapGet("/", ListMembers.HandleAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<Page<MemberResponse>>()
            .WithSummary("Lists the member cities the fund keeps accounts for, paged.");
        members.MapGet("/{cityId}/deposit", GetDepositRequirement.HandleAsync)
            .RequireAuthorization(Accounts.FundPolicies.MemberAccountReader)
            .Produces<DepositRequirementResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The deposit a city must hold for its trust tier, what it holds and its shortfall.");
        members.MapPost("/{cityId}/deposit-payments", PayDeposit.HandleAsync)
            .RequireAuthorization(Accounts.FundPolicies.Finance)
            .MovesMoney()
            .Produces<Entries.EntryResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Records a city's payment into the deposit its trust tier requires: Dr bank, Cr the city's deposits held (finance).");
        return members;
    }
}
