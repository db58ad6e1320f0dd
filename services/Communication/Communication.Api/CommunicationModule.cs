using Communication.Api.Domain.Members;
using Communication.Api.Features.Members;
using Communication.Api.Integration;
using Marten;
using Platform.Contracts;
using Platform.Contracts.CostSharing;
using Platform.Messaging;

namespace Communication.Api;

/// <summary>
/// Communication is the alliance's information platform (docs/domain.md §3.5): risk warnings in CAP 1.2 and their
/// acknowledgements, the exposure graph, live feeds and webhooks, base-data snapshots and region capacity gaps, and
/// mutual aid. Routes live under <c>/api/communication</c>, the same path the gateway exposes.
/// </summary>
public static class CommunicationModule
{
    public const string ServiceName = "communication";
    public const string RoutePrefix = "/api/communication";

    public static WebApplicationBuilder AddCommunication(this WebApplicationBuilder builder)
    {
        builder.AddPlatformService(ServiceName, "communication", ConfigureStore, Topics.Communication, Topics.CostSharing)
            .Handle<MemberJoined, MemberJoinedHandler>()
            .Handle<MemberUpdated, MemberUpdatedHandler>();
        return builder;
    }

    public static WebApplication MapCommunication(this WebApplication app)
    {
        var api = app.MapPlatformService(RoutePrefix);
        api.MapMemberEndpoints();
        return app;
    }

    private static void ConfigureStore(StoreOptions options)
    {
        options.Schema.For<CommunicationMember>().Identity(m => m.CityId);
    }
}
