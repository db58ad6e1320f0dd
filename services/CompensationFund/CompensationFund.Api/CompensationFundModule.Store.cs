using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Banking;
using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Api.Domain.Periods;
using CompensationFund.Api.Domain.Settlement;
using Marten;

namespace CompensationFund.Api;

/// <summary>The fund's store: its documents, its event types (named by stable strings), the ledger's SQL objects, and its connections.</summary>
public static partial class CompensationFundModule
{
    /// <summary>
    /// Pooled connections keep their session when returned: Npgsql's default reset (<c>DISCARD ALL</c>) also discards the
    /// cached plans of <c>fund_apply_movements</c>, so every posting would plan its statements again — measured, that
    /// doubled the database's CPU per entry. The fund keeps no session state (no <c>SET</c>, no temporary tables, only
    /// transaction-scoped advisory locks), so nothing can leak between users of a connection.
    /// </summary>
    private static void KeepSessionsWarm(ConfigurationManager configuration)
    {
        if (configuration.GetConnectionString("postgres") is { Length: > 0 } connectionString)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
            {
                builder.NoResetOnClose = true;
            }

            if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            {
                builder.MaxAutoPrepare = 64;
                builder.AutoPrepareMinUsages = 3;
            }

            configuration["ConnectionStrings:postgres"] = builder.ConnectionString;
        }
    }

    private static void ConfigureStore(StoreOptions options)
    {
        options.Schema.For<FundMember>().Identity(m => m.CityId).UseOptimisticConcurrency(true);
        options.Schema.For<LedgerAccount>().Identity(a => a.Id).Index(a => a.OwnerCityId);
        options.Schema.For<PendingReservation>().Index(r => r.ExpiresAt);
        options.Schema.For<AllocationSettlement>().UseOptimisticConcurrency(true);
        options.Schema.For<Obligation>().UseOptimisticConcurrency(true).Index(o => o.CityId).Index(o => o.Code);
        options.Schema.For<ContributionCall>();
        options.Schema.For<CompensationProposal>().UseOptimisticConcurrency(true).Index(p => p.AllocationId).Index(p => p.CityId);
        options.Schema.For<ThirdPartyDeposit>().UseOptimisticConcurrency(true);
        options.Schema.For<BankStatementImport>();
        options.Schema.For<BankLineRecord>().UseOptimisticConcurrency(true).Index(r => r.State);
        options.Events.AppendMode = JasperFx.Events.EventAppendMode.Quick;
        options.Events.MapEventType<EntryPosted>("entry-posted");
        options.Events.MapEventType<EntryReserved>("entry-reserved");
        options.Events.MapEventType<ReservationPosted>("reservation-posted");
        options.Events.MapEventType<ReservationVoided>("reservation-voided");
        options.Events.MapEventType<EntryReversed>("entry-reversed");
        options.Events.MapEventType<PeriodClosed>("period-closed");
        options.Events.MapEventType<AccountLimitChanged>("account-limit-changed");
        options.Listeners.Add(new Infrastructure.History.HistoryListener(Ledger));
        options.Schema.For<PendingLimitChange>().Identity(p => p.Id).UseOptimisticConcurrency(true);
        options.Schema.For<Domain.Governance.EntryReversalRequest>().UseOptimisticConcurrency(true).Index(r => r.EntryId);
        options.Storage.ExtendedSchemaObjects.AddRange(Ledger.Objects());
        ConfigureReportStore(options);
    }
}
