using CompensationFund.Api.Infrastructure.Reports;
using Marten;

namespace CompensationFund.Api;

/// <summary>The reports' own storage and workers: reconciliation jobs and the closed periods' snapshots (docs/compensation-fund.md §9).</summary>
public static partial class CompensationFundModule
{
    private static void AddReports(IServiceCollection services)
    {
        services.AddSingleton<LedgerSnapshots>();
        services.AddSingleton<ReconciliationReport>();
        services.AddSingleton<ReconciliationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ReconciliationWorker>());
        services.AddSingleton<Infrastructure.FundMetricsQueries>();
    }

    private static void ConfigureReportStore(StoreOptions options)
    {
        options.Schema.For<ReconciliationJob>().UseOptimisticConcurrency(true).Index(j => j.RequestedAt);
        options.Storage.ExtendedSchemaObjects.Add(LedgerSnapshots.Definition(SchemaName));
    }
}
