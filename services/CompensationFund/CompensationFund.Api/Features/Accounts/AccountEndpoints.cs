using Platform.ServiceDefaults.Api;

namespace CompensationFund.Api.Features.Accounts;

public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members/{cityId}/accounts").WithTags("Accounts");
        members.MapGet("/", ListMemberAccounts.HandleAsync)
            .RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<MemberAccountsResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Lists a member city's accounts in the fund (a city only its own; coordinator, finance, auditor any).");

        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("/", ListAccounts.HandleAsync)
            .RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<Page<AccountResponse>>()
            .WithSummary("Lists the chart of accounts with live balances (a city: the fund's accounts and its own).");
        accounts.MapGet("/{accountId}", GetAccount.HandleAsync)
            .RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<AccountResponse>()
            .Produces<BalanceAsOfResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reads an account's balance now, or as of a value date and as recorded by a past moment.");
        accounts.MapPut("/{accountId}/limits", SetAccountLimits.HandleAsync)
            .RequireAuthorization(FundPolicies.Finance)
            .Produces<AccountResponse>()
            .Produces<PendingLimitResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Sets an account's floor and ceiling (finance); lifting a floor that guards the fund's money waits for the quorum (202).");
        accounts.MapGet("/{accountId}/limits/history", LimitHistory.HandleAsync)
            .RequireAuthorization(FundPolicies.LedgerReader)
            .Produces<IReadOnlyList<LimitChangeResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Lists an account's limit changes with who agreed and why (coordinator, finance, auditor).");
        return accounts;
    }
}
