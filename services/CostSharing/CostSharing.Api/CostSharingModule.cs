using CostSharing.Api.Domain.Members;
using CostSharing.Api.Features.Members;
using Marten;
using Platform.Contracts;
using Platform.Messaging;
using Platform.Messaging.Inbox;
using Platform.Messaging.Store;

namespace CostSharing.Api;

/// <summary>
/// Cost-sharing owns the member cities, agreements, incidents, cost claims and allocations
/// (architecture.md §2). Routes live under <c>/api/cost-sharing</c>, the same path the gateway exposes.
/// </summary>
public static class CostSharingModule
{
    public const string ServiceName = "cost-sharing";
    public const string RoutePrefix = "/api/cost-sharing";

    public static WebApplicationBuilder AddCostSharing(this WebApplicationBuilder builder)
    {
        builder.AddPlatformStore("cost_sharing", ConfigureStore);
        builder.AddPlatformMessaging(ServiceName, Topics.CostSharing);
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapCostSharing(this WebApplication app)
    {
        app.MapOpenApi($"{RoutePrefix}/openapi/{{documentName}}.json").AllowAnonymous();
        var api = app.MapGroup(RoutePrefix);
        api.MapMemberEndpoints();
        app.MapDeadLetterAdmin(RoutePrefix);
        return app;
    }

    private static void ConfigureStore(StoreOptions options)
    {
        options.Schema.For<MemberCity>().Identity(m => m.CityId).UseOptimisticConcurrency(true);
    }
}
