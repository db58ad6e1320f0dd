using Evaluation.Api.Domain.Criteria;
using Evaluation.Api.Domain.Incidents;
using Platform.MemberDirectory;
using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Features.Assessments;
using Evaluation.Api.Features.Calculators;
using Evaluation.Api.Features.Frameworks;
using Evaluation.Api.Features.Rounds;
using Evaluation.Api.Infrastructure;
using Evaluation.Api.Integration;
using Marten;
using Platform.Contracts;
using Platform.Contracts.CostSharing;
using Platform.Chassis;
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
            .HandleMemberEvents()
            .Handle<IncidentOpened, IncidentOpenedHandler>()
            .Handle<IncidentClosed, IncidentClosedHandler>()
            .Handle<AllocationFinalized, AllocationFinalizedHandler>();
        builder.Services.AddAuthorizationBuilder().AddEvaluationPolicies();
        builder.Services.AddExceptionHandler<EvaluationRuleHandler>();
        return builder;
    }

    public static WebApplication MapEvaluation(this WebApplication app)
    {
        var api = app.MapPlatformService(RoutePrefix);
        api.MapMemberDirectory(ServiceName);
        api.MapCalculatorEndpoints();
        api.MapFrameworkEndpoints();
        api.MapRoundEndpoints();
        api.MapAssessmentEndpoints();
        return app;
    }

    private static void ConfigureStore(StoreOptions options)
    {
        options.AddMemberDirectory();
        options.Schema.For<EvaluatedIncident>();
        options.Schema.For<CriteriaFramework>().Index(f => f.FrameworkId);
        // Rounds are edited by the coordinating body and touched by every assessment: stale writes are conflicts (409).
        options.Schema.For<EvaluationRound>().UseOptimisticConcurrency(true);
        options.Schema.For<Assessment>().UseOptimisticConcurrency(true).Index(a => a.RoundId);
    }
}
