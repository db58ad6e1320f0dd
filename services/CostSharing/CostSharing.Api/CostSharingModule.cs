using CostSharing.Api.Domain.Agreements;
using CostSharing.Api.Domain.Claims;
using CostSharing.Api.Domain.Incidents;
using CostSharing.Api.Domain.Members;
using CostSharing.Api.Features.Agreements;
using CostSharing.Api.Features.Allocations;
using CostSharing.Api.Features.Claims;
using CostSharing.Api.Features.Incidents;
using CostSharing.Api.Features.Members;
using CostSharing.Api.Infrastructure;
using CostSharing.Api.Integration.Communication;
using Marten;
using Platform.Contracts;
using Platform.Chassis;
using Platform.Messaging;

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
        builder.AddPlatformService(ServiceName, "cost_sharing", ConfigureStore, Topics.CostSharing, Topics.Communication)
            .AddCommunicationConsumers();
        builder.Services.AddAuthorizationBuilder().AddCostSharingPolicies();
        builder.Services.AddExceptionHandler<RuleViolationHandler>();
        return builder;
    }

    public static WebApplication MapCostSharing(this WebApplication app)
    {
        var api = app.MapPlatformService(RoutePrefix);
        api.MapMemberEndpoints();
        api.MapAgreementEndpoints();
        api.MapIncidentEndpoints();
        api.MapClaimEndpoints();
        api.MapAllocationEndpoints();
        return app;
    }

    private static void ConfigureStore(StoreOptions options)
    {
        options.Schema.For<MemberCity>().Identity(m => m.CityId).UseOptimisticConcurrency(true);
        options.Schema.For<Agreement>().UseOptimisticConcurrency(true);
        // Incidents are edited by several people (transitions, claims touching them): stale writes are conflicts.
        options.Schema.For<Incident>().UseOptimisticConcurrency(true).GinIndexJsonData();
        options.Schema.For<CostClaim>().UseOptimisticConcurrency(true).Index(c => c.IncidentId);
        options.Schema.For<Allocation>().Index(a => a.IncidentId);
        options.ConfigureCommunicationDocuments();
    }
}
