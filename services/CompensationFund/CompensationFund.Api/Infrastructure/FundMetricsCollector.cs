using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using CompensationFund.Api.Infrastructure.Reports;
using Marten;
using Npgsql;
using Platform.Contracts.Fund;
using Prometheus;

namespace CompensationFund.Api.Infrastructure;

/// <summary>
/// Refreshes the fund's gauges from the database just before each scrape, and runs the reconciliation every
/// <c>Fund:ReconciliationInterval</c> (15 minutes by default) so the discrepancy gauge stays current for alerting.
/// </summary>
public sealed class FundMetricsCollector(
    IDocumentStore store, BalanceReader balances, ReconciliationReport reconciliation, TimeProvider clock, Domain.Periods.LedgerCalendar calendar, IConfiguration configuration,
    ILogger<FundMetricsCollector> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Metrics.DefaultRegistry.AddBeforeCollectCallback(CollectAsync);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Fund:ReconciliationInterval", TimeSpan.FromMinutes(15)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var report = await reconciliation.RunAsync(stoppingToken);
                if (report.Discrepancies > 0)
                {
                    logger.LogWarning("Reconciliation found {Discrepancies} discrepancies", report.Discrepancies);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Scheduled reconciliation failed; retrying next interval");
            }
        }
    }

    private async Task CollectAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (kind, posted) in await balances.PostedByKindAsync(cancellationToken))
            {
                FundMetrics.Balances.WithLabels(kind.Slug()).Set((double)Fen.ToYuan(posted));
                if (kind == LedgerAccountKind.SettlementReceivable)
                {
                    FundMetrics.ReceivablesOutstanding.WithLabels(PaymentPurposes.Settlement).Set((double)Fen.ToYuan(posted));
                }
            }

            await using var session = store.QuerySession();
            var today = calendar.DateOf(clock.GetUtcNow());
            var open = (await session.Query<Obligation>().ToListAsync(cancellationToken)).Where(o => o.Outstanding > 0).ToList();
            foreach (var kind in Enum.GetValues<ObligationKind>())
            {
                var name = ObligationKinds.Name(kind);
                FundMetrics.ReceivablesOutstanding.WithLabels(name).Set((double)Fen.ToYuan(open.Where(o => o.Kind == kind).Sum(o => o.Outstanding)));
                FundMetrics.Arrears.WithLabels(name).Set((double)Fen.ToYuan(open.Where(o => o.Kind == kind && o.DueDate < today).Sum(o => o.Outstanding)));
            }

            FundMetrics.ArrearsCount.Set(open.Count(o => o.DueDate < today));
            var paid = await session.Query<CompensationProposal>().SumAsync(p => p.Paid, cancellationToken);
            FundMetrics.CompensationPaid.Set((double)Fen.ToYuan(paid));
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(ex, "Fund metrics could not be read; the gauges keep their last values");
        }
    }
}
