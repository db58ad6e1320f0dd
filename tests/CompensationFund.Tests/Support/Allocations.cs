using Platform.Contracts.CostSharing;

namespace CompensationFund.Tests.Support;

/// <summary>Allocation events as cost-sharing publishes them, for the fund to consume.</summary>
public static class Allocations
{
    public static readonly DateOnly Due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));

    /// <summary>An allocation whose instructions follow the net positions: positive pays in, negative is paid out.</summary>
    public static AllocationFinalized Finalized(Guid id, IReadOnlyDictionary<string, decimal> netPositions, IReadOnlyDictionary<string, decimal>? fairShares = null, Guid? supersedes = null)
    {
        var shares = netPositions.Select(p =>
        {
            var share = fairShares?.GetValueOrDefault(p.Key) ?? Math.Max(p.Value, 0m) + 1_000m;
            return new AllocationShare(p.Key, p.Value > 0 ? "origin" : "affected", share, share - p.Value, p.Value);
        }).ToList();
        var instructions = netPositions.Where(p => p.Value != 0)
            .Select(p => new SettlementInstruction(p.Key, p.Value > 0 ? "pay-in" : "pay-out", Math.Abs(p.Value), Due)).ToList();
        return new AllocationFinalized(
            id, Guid.NewGuid(), "yangtze-delta", 3, "natural-disaster", "origin-primary", "CNY", shares.Sum(s => s.FairShare), shares, instructions, supersedes,
            DateTimeOffset.UtcNow);
    }

    public static AllocationSuperseded Superseded(Guid old, Guid corrected, IReadOnlyDictionary<string, decimal> differences, string reason = "claim corrected") =>
        new(old, corrected, Guid.NewGuid(), "CNY",
            [.. differences.Select(d => new AllocationDifference(d.Key, d.Value, d.Value))],
            [.. differences.Where(d => d.Value != 0).Select(d => new SettlementInstruction(d.Key, d.Value > 0 ? "pay-in" : "pay-out", Math.Abs(d.Value), Due))],
            reason, DateTimeOffset.UtcNow);
}
