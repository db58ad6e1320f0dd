using Communication.Api.Domain.Acknowledgements;
using Communication.Api.Domain.Aid;
using Communication.Api.Domain.BaseData;
using Communication.Api.Domain.Exposure;
using Communication.Api.Domain.Feed;
using Platform.MemberDirectory;
using Communication.Api.Domain.Warnings;
using Communication.Api.Domain.Webhooks;
using Communication.Api.Features.Aid;
using Communication.Api.Features.BaseData;
using Communication.Api.Features.Exposure;
using Communication.Api.Features.Feed;
using Communication.Api.Features.Misconduct;
using Communication.Api.Features.Warnings;
using Communication.Api.Features.Webhooks;
using Communication.Api.Infrastructure;
using Communication.Api.Infrastructure.Feed;
using Marten;
using Platform.Contracts;
using Platform.Contracts.CostSharing;
using Platform.Chassis;
using Platform.Messaging;

namespace Communication.Api;

/// <summary>
/// Communication is the alliance's information platform (docs/domain.md §3.5): risk warnings in CAP 1.2 and their
/// acknowledgements, the exposure graph, live feeds, base-data snapshots and region capacity gaps, and mutual aid.
/// Routes live under <c>/api/communication</c>, the same path the gateway exposes.
/// </summary>
public static class CommunicationModule
{
    public const string ServiceName = "communication";
    public const string RoutePrefix = "/api/communication";

    public static WebApplicationBuilder AddCommunication(this WebApplicationBuilder builder)
    {
        builder.AddPlatformService(ServiceName, "communication", ConfigureStore, Topics.Communication, Topics.CostSharing)
            .HandleMemberEvents();
        builder.Services.AddOptions<CommunicationOptions>().BindConfiguration(CommunicationOptions.SectionName);
        builder.Services.AddAuthorizationBuilder().AddCommunicationPolicies();
        builder.Services.AddExceptionHandler<AidRuleHandler>();
        builder.Services.AddSingleton<WarningIssuer>();
        builder.Services.AddSingleton<FeedHub>();
        builder.Services.AddHostedService<FeedNotifications>();
        builder.Services.AddHostedService<AcknowledgementSweep>();
        builder.Services.AddHostedService<SnapshotStaleSweep>();
        builder.Services.AddHttpClient(WebhookDispatcher.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService<WebhookDispatcher>();
        return builder;
    }

    public static WebApplication MapCommunication(this WebApplication app)
    {
        var api = app.MapPlatformService(RoutePrefix);
        api.MapMemberDirectory(ServiceName);
        api.MapWarningEndpoints();
        api.MapFeedEndpoints();
        api.MapExposureEndpoints();
        api.MapMisconductEndpoints();
        api.MapAidEndpoints();
        api.MapBaseDataEndpoints();
        api.MapWebhookEndpoints();
        return app;
    }

    private static void ConfigureStore(StoreOptions options)
    {
        options.AddMemberDirectory();
        options.Schema.For<Warning>().UseOptimisticConcurrency(true)
            .UniqueIndex(w => w.SenderCityId, w => w.Identifier)
            .GinIndexJsonData();
        options.Schema.For<AcknowledgementDuty>().UseOptimisticConcurrency(true).Index(d => d.WarningId).Index(d => d.DueAt);
        options.Schema.For<CityFeed>().Identity(f => f.CityId).UseOptimisticConcurrency(true);
        options.Schema.For<FeedEntry>().Index(e => e.CityId).Index(e => e.Sequence);
        options.Schema.For<ExposureGraph>().UseOptimisticConcurrency(true);
        options.Schema.For<ExposureGraphVersion>();
        options.Schema.For<MisconductFinding>().Index(f => f.CityId);
        options.Schema.For<AidRequest>().UseOptimisticConcurrency(true);
        options.Schema.For<CapacitySnapshot>().UniqueIndex(s => s.CityId, s => s.Version);
        options.Schema.For<RequirementProfile>();
        options.Schema.For<StaleSnapshotRecord>();
        options.Schema.For<WebhookSubscription>().Index(s => s.CityId);
        options.Schema.For<WebhookDelivery>().UseOptimisticConcurrency(true).Index(d => d.NextAttemptAt);
    }
}
