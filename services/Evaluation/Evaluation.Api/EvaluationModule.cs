using Evaluation.Api.Domain.Members;
using Evaluation.Api.Features.Members;
using Evaluation.Api.Integration;
using Marten;
using Platform.Contracts;
using Platform.Contracts.CostSharing;
using Platform.Messaging;
using Platform.Messaging.Inbox;
using Platform.Messaging.Store;

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
        builder.AddPlatformStore("evaluation", ConfigureStore);
        builder.AddPlatformMessaging(ServiceName, Topics.Evaluation, Topics.CostSharing)
            .Handle<MemberJoined, MemberJoinedHandler>()
            .Handle<MemberUpdated, MemberUpdatedHandler>();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapEvaluation(this WebApplication app)
    {
        app.MapOpenApi($"{RoutePrefix}/openapi/{{documentName}}.json").AllowAnonymous();
        var api = app.MapGroup(RoutePrefix);
        api.MapMemberEndpoints();
        app.MapDeadLetterAdmin(RoutePrefix);
        return app;
    }

    private static void ConfigureStore(StoreOptions options)
    {
        options.Schema.For<EvaluatedMember>().Identity(m => m.CityId);
    }
}
