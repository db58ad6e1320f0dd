namespace CompensationFund.Api.Features.Accounts;

public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/members/{cityId}/accounts").WithTags("Accounts");
        accounts.MapGet("/", ListMemberAccounts.HandleAsync)
            .RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<MemberAccountsResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Lists a member city's accounts in the fund (a city only its own; coordinator, finance, auditor any).");
        return accounts;
    }
}
