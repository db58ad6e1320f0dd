using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Banking;
using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Domain.Reconciliation;
using CompensationFund.Api.Domain.Settlement;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;

namespace CompensationFund.Api.Infrastructure.Reports;

public sealed record RebuildSection(long Events, long Entries, bool Agrees, IReadOnlyList<BalanceDifference> LiveDifferences, IReadOnlyList<BalanceDifference> HistoryDifferences);

public sealed record CheckedSection(int Checked, IReadOnlyList<Discrepancy> Discrepancies);

public sealed record BankLineListing(Guid ImportId, int Line, DateOnly Date, decimal Amount, string Payer, string Reference, string BankReference, string Status, string Detail);

public sealed record BankSection(int Lines, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyList<BankLineListing> Listed, IReadOnlyList<Discrepancy> Discrepancies);

public sealed record TraceabilitySection(long Entries, IReadOnlyList<Guid> Untraceable);

/// <summary>The reconciliation report: what must agree, what disagrees, and the bank lines that are listed rather than matched.</summary>
public sealed record ReconciliationResponse(
    DateTimeOffset GeneratedAt, RebuildSection Rebuild, CheckedSection Allocations, CheckedSection Compensation, BankSection Bank, TraceabilitySection Traceability,
    decimal ClearingBalance, int Discrepancies, ChainCheck Chain);

/// <summary>
/// Runs every reconciliation check (docs/compensation-fund.md §9): balances rebuilt from the event log against the live
/// ones and the history, allocations against their settlement entries, compensation decisions against their postings,
/// bank lines matched or listed, every entry traceable. Sets the discrepancy gauge.
/// </summary>
public sealed class ReconciliationReport(IDocumentStore store, LedgerReplay replay, LedgerSealer sealer, LedgerSnapshots snapshots, TimeProvider clock)
{
    private const int Steps = 4;

    /// <summary>The full reconciliation, as <c>GET /reports/reconciliation</c> has always run it: the whole event log folded.</summary>
    public Task<ReconciliationResponse> RunAsync(CancellationToken cancellationToken) => RunAsync(true, null, cancellationToken);

    /// <summary>
    /// The reconciliation in steps (snapshots, rebuild, chain, records), reporting progress after each step and each page of
    /// events folded. Unless <paramref name="full"/>, the rebuild check starts from the last closed period's snapshot.
    /// </summary>
    public async Task<ReconciliationResponse> RunAsync(bool full, Func<ReconciliationProgress, Task>? progress, CancellationToken cancellationToken)
    {
        progress ??= _ => Task.CompletedTask;
        SnapshotStart? start = null;
        if (!full)
        {
            await BuildSnapshotsAsync(cancellationToken);
            start = await snapshots.LatestBuiltAsync(cancellationToken);
        }

        await progress(new ReconciliationProgress("snapshots", 1, Steps, 0, start?.Period));
        var rebuilt = await replay.RunAsync(
            start?.Start, events => progress(new ReconciliationProgress("rebuild", 1, Steps, events, start?.Period)), cancellationToken);
        await progress(new ReconciliationProgress("rebuild", 2, Steps, rebuilt.Events - (start?.Start.Events ?? 0), start?.Period));
        var chain = await sealer.CheckAsync(cancellationToken);
        await progress(new ReconciliationProgress("chain", 3, Steps, rebuilt.Events - (start?.Start.Events ?? 0), start?.Period));
        var report = await CheckRecordsAsync(rebuilt, chain, cancellationToken);
        await progress(new ReconciliationProgress("records", 4, Steps, rebuilt.Events - (start?.Start.Events ?? 0), start?.Period));
        return report;
    }

    /// <summary>
    /// Folds, for each closed period whose event position is final, the events since the previous snapshot onto it and
    /// keeps the result: the next rebuild check starts there (<see cref="LedgerSnapshots"/>).
    /// </summary>
    public async Task BuildSnapshotsAsync(CancellationToken cancellationToken)
    {
        foreach (var (period, eventSeq, final) in await snapshots.PendingAsync(cancellationToken))
        {
            if (!final)
            {
                return;
            }

            var previous = (await snapshots.LatestBuiltAsync(cancellationToken))?.Start;
            await using var session = store.QuerySession();
            var sheet = new BalanceSheet(previous?.Balances);
            var (events, entries, untraceable) = await LedgerReplay.FoldAsync(session, sheet, previous?.EventSeq ?? 0, eventSeq, null, cancellationToken);
            var built = new RebuildStart(
                eventSeq, sheet.Balances, (previous?.Events ?? 0) + events, (previous?.Entries ?? 0) + entries, [.. previous?.Untraceable ?? [], .. untraceable]);
            await snapshots.StoreBuiltAsync(period, built, clock.GetUtcNow(), cancellationToken);
        }
    }

    private async Task<ReconciliationResponse> CheckRecordsAsync(ReplayResult rebuilt, ChainCheck chain, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var settlements = await session.Query<AllocationSettlement>().ToListAsync(cancellationToken);
        var proposals = await session.Query<CompensationProposal>().ToListAsync(cancellationToken);
        var bankLines = await session.Query<BankLineRecord>().ToListAsync(cancellationToken);
        var ids = settlements.SelectMany(s => s.Adjustments.Select(a => a.EntryId).Append(s.EntryId))
            .Concat(proposals.SelectMany(p => new[] { p.MainReservation, p.HoldBackReservation }))
            .Concat(bankLines.Select(l => l.EntryId))
            .OfType<Guid>().ToList();
        var entries = await EntryCatalog.LoadAsync(session, ids, cancellationToken);

        var allocations = new CheckedSection(settlements.Count, [.. settlements.SelectMany(s => ReconciliationRules.Allocation(s, entries))]);
        var compensation = new CheckedSection(proposals.Count, [.. proposals.SelectMany(p => ReconciliationRules.Compensation(p, entries))]);
        // Each bank transaction once, as it stands now (a line matched by hand is no longer listed).
        var bank = new BankSection(
            bankLines.Count,
            bankLines.GroupBy(l => l.State.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count()),
            [.. bankLines.Where(l => l.State != BankLineState.Matched).Select(l => new BankLineListing(
                l.ImportId, l.LineNumber, l.Date, Fen.ToYuan(l.Amount), l.Payer, l.Reference, l.BankReference, l.State.ToString().ToLowerInvariant(), l.Detail))],
            [.. bankLines.Where(l => l.State == BankLineState.Matched && (l.EntryId is not { } e || !entries.ContainsKey(e)))
                .Select(l => new Discrepancy("bank", l.BankReference, $"matched to entry {l.EntryId}, which is missing from the ledger"))]);
        var clearing = rebuilt.Live.GetValueOrDefault(FundAccounts.Clearing, AccountBalance.Zero).Posted(NormalSide.Credit);
        var rebuild = new RebuildSection(rebuilt.Events, rebuilt.Entries, rebuilt.Agrees, rebuilt.LiveDifferences, rebuilt.HistoryDifferences);
        var count = rebuilt.LiveDifferences.Count + rebuilt.HistoryDifferences.Count + allocations.Discrepancies.Count + compensation.Discrepancies.Count
            + bank.Discrepancies.Count + rebuilt.Untraceable.Count + (clearing == 0 ? 0 : 1) + chain.Broken.Count;
        FundMetrics.ReconciliationDiscrepancies.Set(count);
        return new ReconciliationResponse(
            clock.GetUtcNow(), rebuild, allocations, compensation, bank, new TraceabilitySection(rebuilt.Entries, rebuilt.Untraceable), Fen.ToYuan(clearing), count, chain);
    }
}
