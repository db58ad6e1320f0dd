using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Infrastructure.Http;
using Platform.ServiceDefaults.Api;

namespace CompensationFund.Api.Features.ThirdParty;

/// <summary>
/// Finance records third-party money as it arrives — earmarked into its own sub-account, or general into the incentive
/// pool — and releases earmarked money to a city only for its purpose, to the city's compensation payable.
/// </summary>
public static class ThirdPartyEndpoints
{
    public static RouteGroupBuilder MapThirdPartyEndpoints(this RouteGroupBuilder api)
    {
        // The names keep the operationIds published before the handlers were split one per use case (docs/api-versioning.md).
        var deposits = api.MapGroup("/third-party-deposits").WithTags("Third-party deposits");
        deposits.MapPost("/", RecordThirdPartyDeposit.HandleAsync).RequireAuthorization(FundPolicies.Finance).MovesMoney()
            .Produces<DepositResponse>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("Records a third-party deposit (finance).")
            .WithName("thirdParty.deposit");
        deposits.MapGet("/", ListThirdPartyDeposits.HandleAsync).RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<Page<DepositResponse>>().WithSummary("Lists third-party deposits with what is released of each.").WithName("thirdParty.list");
        deposits.MapPost("/{id:guid}/releases", ReleaseEarmarkedDeposit.HandleAsync).RequireAuthorization(FundPolicies.Finance).MovesMoney()
            .Produces<DepositResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Releases earmarked money to a city for the deposit's purpose only (finance).").WithName("thirdParty.release");
        return deposits;
    }
}
