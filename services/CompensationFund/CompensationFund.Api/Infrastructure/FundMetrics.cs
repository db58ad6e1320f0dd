using Prometheus;

namespace CompensationFund.Api.Infrastructure;

/// <summary>
/// The fund's business metrics (architecture.md §7): balances by account kind, receivables outstanding, arrears,
/// compensation paid, reconciliation discrepancies. Balances and obligations are read when Prometheus scrapes
/// (<see cref="FundMetricsCollector"/>); the discrepancy count when the reconciliation runs.
/// </summary>
public static class FundMetrics
{
    public static readonly Gauge Balances = Metrics.CreateGauge(
        "fund_account_balance_yuan", "Sum of posted balances on each account's normal side, by account kind.", "kind");

    public static readonly Gauge ReceivablesOutstanding = Metrics.CreateGauge(
        "fund_receivables_outstanding_yuan", "What cities owe the fund, by kind (contribution, penalty, clawback, settlement).", "kind");

    public static readonly Gauge Arrears = Metrics.CreateGauge(
        "fund_arrears_yuan", "Obligations past their due date still outstanding, by kind.", "kind");

    public static readonly Gauge ArrearsCount = Metrics.CreateGauge(
        "fund_arrears_obligations", "Number of obligations past their due date still outstanding.");

    public static readonly Gauge CompensationPaid = Metrics.CreateGauge(
        "fund_compensation_paid_yuan", "Compensation paid out to cities, all time.");

    public static readonly Gauge ReconciliationDiscrepancies = Metrics.CreateGauge(
        "fund_reconciliation_discrepancies", "Discrepancies found by the last reconciliation (0 when everything agrees).");

    public static readonly Histogram EntryCommitGroupSize = Metrics.CreateHistogram(
        "fund_entry_commit_group_size", "Entries posted one per request (POST /entries) that committed in one transaction (group commit).",
        new HistogramConfiguration { Buckets = [1, 2, 4, 8, 16, 32, 64] });

    public static readonly Counter EntryCommitGroupsRetried = Metrics.CreateCounter(
        "fund_entry_commit_groups_retried_total", "Groups of entries the database refused as a whole (a limit, a reused reference or key), then committed one by one.");
}
