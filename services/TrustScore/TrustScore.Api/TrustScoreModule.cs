using Marten;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.Contracts.Communication;
using Platform.Contracts.CostSharing;
using Platform.Contracts.Evaluation;
using Platform.Contracts.Fund;
using Platform.Chassis;
using Platform.Messaging;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Supervision;
using TrustScore.Api.Features.Calculator;
using TrustScore.Api.Features.Commitments;
using TrustScore.Api.Features.Scores;
using TrustScore.Api.Features.Supervision;
using TrustScore.Api.Infrastructure;
using TrustScore.Api.Integration.Communication;
using TrustScore.Api.Integration.CostSharing;
using TrustScore.Api.Integration.Evaluation;
using TrustScore.Api.Integration.Fund;

namespace TrustScore.Api;

/// <summary>
/// Trust-score keeps the commitments of every member and whether they were honoured, the vertical findings and
/// horizontal peer reports of supervision, appeals and repairs, and each member's score, tier and their explanation
/// (architecture.md §2, domain.md §3.4, §4.3). Routes live under <c>/api/trust</c>, the same path the gateway exposes.
/// </summary>
public static class TrustScoreModule
{
    public const string ServiceName = "trust-score";
    public const string RoutePrefix = "/api/trust";

    public static WebApplicationBuilder AddTrustScore(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<TrustOptions>(builder.Configuration.GetSection("Trust"));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<TrustOptions>>().Value.Policy());
        builder.Services.AddSingleton(sp => new TrustClock(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<TrustOptions>>().Value.ClockOffset));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<TrustOptions>>().Value.ReportLimit());
        builder.Services.AddSingleton<ScoreRecalculation>();
        builder.Services.AddSingleton<AllianceRecomputation>();
        builder.Services.AddSingleton<CommitmentSweeper>();
        builder.Services.AddAuthorizationBuilder().AddTrustScorePolicies();
        builder.AddPlatformService(ServiceName, "trust_score", ConfigureStore, Topics.TrustScore, Topics.CostSharing, Topics.CompensationFund, Topics.Evaluation, Topics.Communication)
            .Handle<MemberJoined, MemberJoinedHandler>()
            .Handle<MemberUpdated, MemberUpdatedHandler>()
            .Handle<AllocationFinalized, AllocationFinalizedHandler>()
            .Handle<AllocationSuperseded, AllocationSupersededHandler>()
            .Handle<OriginReportRecorded, OriginReportRecordedHandler>()
            .Handle<ContributionCalled, ContributionCalledHandler>()
            .Handle<PaymentReceived, PaymentReceivedHandler>()
            .Handle<SettlementPaid, SettlementPaidHandler>()
            .Handle<EvaluationPublished, EvaluationPublishedHandler>()
            .Handle<SelfAssessmentInflated, SelfAssessmentInflatedHandler>()
            .Handle<WarningAcknowledgementRecorded, WarningAcknowledgementRecordedHandler>()
            .Handle<WarningMisconductFound, WarningMisconductFoundHandler>()
            .Handle<SnapshotStale, SnapshotStaleHandler>();

        // After the platform's store registration, so the schema exists before the first sweep.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CommitmentSweeper>());
        return builder;
    }

    public static WebApplication MapTrustScore(this WebApplication app)
    {
        var api = app.MapPlatformService(RoutePrefix);
        api.MapScoreEndpoints();
        api.MapCalculatorEndpoints();
        api.MapCommitmentEndpoints();
        api.MapSupervisionEndpoints();
        return app;
    }

    private static void ConfigureStore(StoreOptions options)
    {
        options.Schema.For<TrustRecord>().Identity(t => t.CityId);
        options.Schema.For<Commitment>().UseOptimisticConcurrency(true).Index(c => c.Debtor).Index(c => c.Status);
        options.Schema.For<SupervisionFinding>().UseOptimisticConcurrency(true).Index(f => f.CityId);
        options.Schema.For<PeerReport>().UseOptimisticConcurrency(true).Index(p => p.SubjectCityId).Index(p => p.ReporterCityId);
        options.Schema.For<Appeal>().UseOptimisticConcurrency(true).Index(a => a.CityId);
        options.Schema.For<AllocationRecord>();
        options.Schema.For<ScoreHistoryEntry>().Index(h => h.CityId);
    }
}
