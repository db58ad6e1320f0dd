using Evaluation.Api.Domain.Members;
using Evaluation.Api.Features.Members;
using Evaluation.Api.Integration;
using Marten;
using Platform.Contracts;
using Platform.Contracts.CostSharing;
using Platform.Messaging;

namespace Evaluation.Api;

/// <summary>
/// Evaluation runs the evaluation rounds of domain.md §3.3 and §4.4: criteria, assessors, results, grades.
/// Routes live under <c>/api/evaluation</c>, the same path the gateway exposes.
/// </summary>
public static class EvaluationModule
{
    public const string ServiceName = "evaluation";
    public const string RoutePrefix = "/api/evaluation";

    public static WebApplicationBuilder AddEvaluation(this WebApplicationBuilder builder)
    {
        builder.AddPlatformService(ServiceName, "evaluation", ConfigureStore, Topics.Evaluation, Topics.CostSharing)
            .Handle<MemberJoined, MemberJoinedHandler>()
            .Handle<MemberUpdated, MemberUpdatedHandler>();
        return builder;
    }

    public static WebApplication MapEvaluation(this WebApplication app)
    {
        app.MapPlatformService(RoutePrefix).MapMemberEndpoints();
        return app;
    }

    private static void ConfigureStore(StoreOptions options)
    {
        options.Schema.For<EvaluatedMember>().Identity(m => m.CityId);
    }
}
