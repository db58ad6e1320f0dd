using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Features.Banking;
using CompensationFund.Api.Features.Compensation;
using CompensationFund.Api.Features.Contributions;
using CompensationFund.Api.Features.Entries;
using CompensationFund.Api.Features.EntryReversals;
using CompensationFund.Api.Features.Members;
using CompensationFund.Api.Features.Payments;
using CompensationFund.Api.Features.Periods;
using CompensationFund.Api.Features.Reports;
using CompensationFund.Api.Features.Reservations;
using CompensationFund.Api.Features.Settlements;
using CompensationFund.Api.Features.ThirdParty;
using CompensationFund.Api.Infrastructure;
using CompensationFund.Api.Infrastructure.Http;
using CompensationFund.Api.Infrastructure.Ledger;
using CompensationFund.Api.Infrastructure.Reports;
using CompensationFund.Api.Integration;
using CompensationFund.Api.Integration.Compensation;
using CompensationFund.Api.Integration.Evaluation;
using CompensationFund.Api.Integration.Settlement;
using CompensationFund.Api.Integration.Trust;
using Platform.Contracts;
using Platform.Contracts.CostSharing;
using Platform.Contracts.Evaluation;
using Platform.Contracts.Trust;
using Platform.Messaging;
using Platform.Messaging.Inbox;
using Platform.Chassis;

namespace CompensationFund.Api;

/// <summary>
/// Compensation-fund keeps the community's incentive ledger (architecture.md §2; design in docs/compensation-fund.md).
/// Routes live under <c>/api/fund</c>, the same path the gateway exposes.
/// </summary>
public static partial class CompensationFundModule
{
    public const string ServiceName = "compensation-fund";
    public const string RoutePrefix = "/api/fund";
    public const string SchemaName = "compensation_fund";

    private static readonly LedgerSchema Ledger = new(SchemaName);

    public static WebApplicationBuilder AddCompensationFund(this WebApplicationBuilder builder)
    {
        KeepSessionsWarm(builder.Configuration);
        builder.AddPlatformService(ServiceName, SchemaName, ConfigureStore, Topics.CompensationFund, Topics.CostSharing, Topics.TrustScore, Topics.Evaluation)
            .Handle<MemberJoined, MemberJoinedHandler>()
            .Handle<MemberUpdated, MemberUpdatedHandler>()
            .Handle<AllocationFinalized, AllocationFinalizedHandler>()
            .Handle<AllocationSuperseded, AllocationSupersededHandler>()
            .Handle<TrustTierChanged, TrustTierChangedHandler>()
            .Handle<EvaluationPublished, EvaluationPublishedHandler>();
        builder.Services.AddScoped<IAllocationListener, CompensationProposer>();
        builder.Services.AddSingleton(Ledger);
        builder.Services.AddSingleton(sp => Domain.Periods.LedgerCalendar.Named(sp.GetRequiredService<IConfiguration>()["Fund:TimeZone"]));
        builder.Services.AddSingleton(sp => QuorumOf(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<NewStreamsAppend>();
        builder.Services.AddSingleton<LedgerWriter>();
        builder.Services.AddSingleton<AccountDirectory>();
        builder.Services.AddSingleton<AccountOpening>();
        builder.Services.AddSingleton<BalanceReader>();
        builder.Services.AddSingleton<MovementHistory>();
        builder.Services.AddSingleton<Infrastructure.History.HistoryReader>();
        builder.Services.AddSingleton<FundLedger>();
        builder.Services.AddSingleton<LedgerGroupCommit>();
        builder.Services.AddSingleton<PeriodCloser>();
        builder.Services.AddSingleton<PeriodRoots>();
        builder.Services.AddSingleton<LedgerSealer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LedgerSealer>());
        builder.Services.AddSingleton<LedgerReplay>();
        builder.Services.AddSingleton<SettlementPayments>();
        builder.Services.AddSingleton<PaymentRecorder>();
        builder.Services.AddSingleton<BankLinePoster>();
        AddReports(builder.Services);
        builder.Services.AddHostedService<FundMetricsCollector>();
        builder.Services.AddHostedService<FundChartInitializer>();
        builder.Services.AddSingleton<ReservationExpiry>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReservationExpiry>());
        builder.Services.AddExceptionHandler<FundRuleExceptionHandler>();
        builder.Services.AddAuthorizationBuilder().AddFundPolicies();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new Infrastructure.Http.YuanAmountConverter()));
        return builder;
    }

    /// <summary>The agreement's approval quorums (<c>Fund:Quorum:{action}</c>), the default where it is silent.</summary>
    private static ApprovalQuorum QuorumOf(IConfiguration configuration) => new(ApprovalQuorum.Actions.ToDictionary(
        a => a, a => configuration.GetValue($"Fund:Quorum:{a}", ApprovalQuorum.DefaultRequired), StringComparer.Ordinal));

    public static WebApplication MapCompensationFund(this WebApplication app)
    {
        var api = app.MapPlatformService(RoutePrefix);
        api.MapMemberEndpoints();
        api.MapAccountEndpoints();
        api.MapEntryEndpoints();
        api.MapReversalRequestEndpoints();
        api.MapReservationEndpoints();
        api.MapPeriodEndpoints();
        api.MapSettlementEndpoints();
        api.MapContributionEndpoints();
        api.MapBankingEndpoints();
        api.MapCompensationEndpoints();
        api.MapThirdPartyEndpoints();
        api.MapReportEndpoints();
        api.MapPayOut();
        Features.History.HistoryEndpoints.MapHistoryEndpoints(api);
        return app;
    }
}
