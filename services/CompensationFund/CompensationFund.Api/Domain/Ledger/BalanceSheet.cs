using CompensationFund.Api.Domain.Accounts;

namespace CompensationFund.Api.Domain.Ledger;

/// <summary>
/// Balances folded from the event log, in event order: the rebuild the reconciliation report and the concurrency
/// test compare with the live balances (architecture.md §4: "balances are projections, rebuilt from events and
/// checked against them").
/// </summary>
public sealed class BalanceSheet
{
    private readonly Dictionary<string, AccountBalance> _balances;

    /// <summary>An empty sheet, or one that goes on from <paramref name="opening"/> (a snapshot folded from the log's earlier events).</summary>
    public BalanceSheet(IReadOnlyDictionary<string, AccountBalance>? opening = null) =>
        _balances = opening is null ? new(StringComparer.Ordinal) : new(opening, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, AccountBalance> Balances => _balances;

    public static BalanceSheet Fold(IEnumerable<object> events)
    {
        var sheet = new BalanceSheet();
        foreach (var e in events)
        {
            sheet.Apply(e);
        }

        return sheet;
    }

    /// <summary>Applies one event of the log; events that move no money (a reversal marker, a period close) are skipped.</summary>
    public void Apply(object ledgerEvent)
    {
        if (ledgerEvent is not ILedgerEvent moving)
        {
            return;
        }

        foreach (var movement in Movements.Of(moving))
        {
            _balances[movement.Account] = this[movement.Account].Apply(movement);
        }
    }

    public AccountBalance this[string account] => _balances.GetValueOrDefault(account, AccountBalance.Zero);

    /// <summary>Accounts whose folded balance differs from <paramref name="live"/>, both ways (an account missing on one side counts as zero).</summary>
    public IReadOnlyList<BalanceDifference> CompareWith(IReadOnlyDictionary<string, AccountBalance> live) =>
        [.. _balances.Keys.Union(live.Keys, StringComparer.Ordinal)
            .Select(a => new BalanceDifference(a, this[a], live.GetValueOrDefault(a, AccountBalance.Zero)))
            .Where(d => d.Rebuilt != d.Live)
            .OrderBy(d => d.Account, StringComparer.Ordinal)];
}

public sealed record BalanceDifference(string Account, AccountBalance Rebuilt, AccountBalance Live);
