using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using CompensationFund.Api.Infrastructure.Reports;
using Npgsql;
using Platform.Contracts.Fund;
using Prometheus;

namespace CompensationFund.Api.Infrastructure;

/// <summary>
/// Refreshes the fund's gauges from the database just before each scrape — from aggregates PostgreSQL sums
/// (<see cref="FundMetricsQueries"/>, <see cref="BalanceReader.PostedByKindAsync"/>), never by loading every obligation or
/// proposal — and runs the reconciliation every
/// <c>Fund:ReconciliationInterval</c> (15 minutes by default, starting from the last closed period's snapshot) so the
/// discrepancy gauge stays current for alerting.
/// </summary>
public sealed class FundMetricsCollector(
    FundMetricsQueries aggregates, BalanceReader balances, ReconciliationReport reconciliation, TimeProvider clock, Domain.Periods.LedgerCalendar calendar, IConfiguration configuration,
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
                var report = await reconciliation.RunAsync(full: false, progress: null, stoppingToken);
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

            var today = calendar.DateOf(clock.GetUtcNow());
            var open = await aggregates.ObligationsAsync(today, cancellationToken);
            foreach (var kind in Enum.GetValues<ObligationKind>())
            {
                var name = ObligationKinds.Name(kind);
                var of = open.FirstOrDefault(o => o.Kind == kind);
                FundMetrics.ReceivablesOutstanding.WithLabels(name).Set((double)Fen.ToYuan(of?.Outstanding ?? 0));
                FundMetrics.Arrears.WithLabels(name).Set((double)Fen.ToYuan(of?.Overdue ?? 0));
            }

            FundMetrics.ArrearsCount.Set(open.Sum(o => o.OverdueCount));
            var paid = await aggregates.CompensationPaidAsync(cancellationToken);
            FundMetrics.CompensationPaid.Set((double)Fen.ToYuan(paid));
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(ex, "Fund metrics could not be read; the gauges keep their last values");
        }
    }
}
