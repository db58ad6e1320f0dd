using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Features.Members;
using CompensationFund.Api.Integration;
using Marten;
using Platform.Contracts;
using Platform.Contracts.CostSharing;
using Platform.Messaging;
using Platform.Messaging.Inbox;
using Platform.Messaging.Store;

namespace CompensationFund.Api;

/// <summary>
/// Compensation-fund keeps the community's incentive ledger (architecture.md §2). Routes live under
/// <c>/api/fund</c>, the same path the gateway exposes.
/// </summary>
/// <remarks>
/// Design note: this first slice only opens each member's accounts, empty, when cost-sharing reports the
/// member joined. The ledger itself (immutable journal entries as events, balances as projections
/// rebuilt from them, architecture.md §4) comes with the compensation-fund issue; until then the
/// <see cref="LedgerAccount.Balance"/> stored on the account document is never posted to.
/// </remarks>
public static class CompensationFundModule
{
    public const string ServiceName = "compensation-fund";
    public const string RoutePrefix = "/api/fund";

    public static WebApplicationBuilder AddCompensationFund(this WebApplicationBuilder builder)
    {
        builder.AddPlatformStore("compensation_fund", ConfigureStore);
        builder.AddPlatformMessaging(ServiceName, Topics.CompensationFund, Topics.CostSharing)
            .Handle<MemberJoined, MemberJoinedHandler>()
            .Handle<MemberUpdated, MemberUpdatedHandler>();
        builder.Services.AddAuthorizationBuilder().AddFundPolicies();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapCompensationFund(this WebApplication app)
    {
        app.MapOpenApi($"{RoutePrefix}/openapi/{{documentName}}.json").AllowAnonymous();
        var api = app.MapGroup(RoutePrefix);
        api.MapMemberEndpoints();
        api.MapAccountEndpoints();
        app.MapDeadLetterAdmin(RoutePrefix);
        return app;
    }

    private static void ConfigureStore(StoreOptions options)
    {
        options.Schema.For<FundMember>().Identity(m => m.CityId);
        options.Schema.For<LedgerAccount>().Identity(a => a.Id).Index(a => a.OwnerCityId);
    }
}
