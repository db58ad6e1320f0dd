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
public sealed class ReconciliationReport(IDocumentStore store, LedgerReplay replay, LedgerSealer sealer, TimeProvider clock)
{
    public async Task<ReconciliationResponse> RunAsync(CancellationToken cancellationToken)
    {
        var rebuilt = await replay.RunAsync(cancellationToken);
        var chain = await sealer.CheckAsync(cancellationToken);
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
