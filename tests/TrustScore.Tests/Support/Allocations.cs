using Platform.Contracts.CostSharing;
using Platform.Contracts.Fund;

namespace TrustScore.Tests.Support;

/// <summary>Allocation and settlement events as cost-sharing and the fund publish them.</summary>
internal static class Allocations
{
    public static AllocationFinalized Finalized(Guid allocationId, DateOnly due, DateTimeOffset at, params (string City, string Direction, decimal Amount)[] instructions) => new(
        allocationId, Guid.NewGuid(), "xinan", 1, "natural-disaster", "origin-primary", "CNY", instructions.Sum(i => i.Amount),
        [.. instructions.Select(i => new AllocationShare(i.City, "origin", i.Amount, 0m, i.Direction == "pay-in" ? i.Amount : -i.Amount))],
        [.. instructions.Select(i => new SettlementInstruction(i.City, i.Direction, i.Amount, due))],
        null, at);

    public static SettlementPaid Paid(Guid allocationId, string city, decimal amount, decimal outstanding, DateOnly due, DateOnly paidOn) => new(
        allocationId, city, "pay-in", "CNY", amount, outstanding, due, paidOn, Math.Max(0, paidOn.DayNumber - due.DayNumber), outstanding == 0);
}
