using Marten;
using Platform.Contracts;
using Platform.Contracts.CostSharing;
using Platform.Messaging;
using TrustScore.Api.Domain;
using TrustScore.Api.Features.Scores;
using TrustScore.Api.Integration;

namespace TrustScore.Api;

/// <summary>
/// Trust-score keeps the evidence of commitments kept and broken, and each member's score, tier and their
/// explanation (architecture.md §2, domain.md §4.3). Routes live under <c>/api/trust</c>, the same path
/// the gateway exposes.
/// </summary>
public static class TrustScoreModule
{
    public const string ServiceName = "trust-score";
    public const string RoutePrefix = "/api/trust";

    public static WebApplicationBuilder AddTrustScore(this WebApplicationBuilder builder)
    {
        builder.AddPlatformService(ServiceName, "trust_score", ConfigureStore, Topics.TrustScore, Topics.CostSharing)
            .Handle<MemberJoined, MemberJoinedHandler>()
            .Handle<MemberUpdated, MemberUpdatedHandler>();
        return builder;
    }

    public static WebApplication MapTrustScore(this WebApplication app)
    {
        app.MapPlatformService(RoutePrefix).MapScoreEndpoints();
        return app;
    }

    private static void ConfigureStore(StoreOptions options)
    {
        options.Schema.For<TrustRecord>().Identity(t => t.CityId);
    }
}
