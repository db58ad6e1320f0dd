namespace CostSharing.Api.Domain.Allocation;

/// <summary>A city's fair share, its approved spend (net of insurance and subsidies), and share − spend: positive owes, negative is owed.</summary>
public sealed record NetPosition(string CityId, Side Side, long FairShareFen, long ApprovedSpendFen)
{
    public long NetFen => FairShareFen - ApprovedSpendFen;
}

public enum SettlementDirection
{
    /// <summary>The city pays into the fund's clearing account.</summary>
    PayIn,

    /// <summary>The clearing account pays the city.</summary>
    PayOut,
}

/// <summary>One net amount a city pays or receives through the clearing account by the due date.</summary>
public sealed record SettlementOrder(string CityId, SettlementDirection Direction, long AmountFen, DateOnly DueDate);

/// <summary>One city's change between a superseded allocation and its correction (new − old).</summary>
public sealed record PositionChange(string CityId, long FairShareChangeFen, long NetChangeFen);

/// <summary>
/// Net positions and settlement through the fund's clearing account (domain.md §4.2): each city pays or
/// receives one net amount. Shares sum to the net eligible cost and so do the spends, so what is paid in
/// equals what is paid out and the clearing account ends at zero.
/// </summary>
public static class NetPositions
{
    public static IReadOnlyList<NetPosition> Of(AllocationOutcome outcome, IReadOnlyDictionary<string, long> approvedSpendFen) =>
        outcome.Shares
            .Select(s => new NetPosition(s.CityId, s.Side, s.Fen, approvedSpendFen.GetValueOrDefault(s.CityId)))
            .ToList();

    public static IReadOnlyList<SettlementOrder> Orders(IEnumerable<(string CityId, long NetFen)> nets, DateOnly dueDate) =>
        nets.Where(n => n.NetFen != 0)
            .OrderBy(n => n.CityId, StringComparer.Ordinal)
            .Select(n => new SettlementOrder(n.CityId, n.NetFen > 0 ? SettlementDirection.PayIn : SettlementDirection.PayOut, Math.Abs(n.NetFen), dueDate))
            .ToList();

    /// <summary>Only the cities whose share or net position changed: a correction settles differences, never the whole again.</summary>
    public static IReadOnlyList<PositionChange> Changes(IReadOnlyList<NetPosition> before, IReadOnlyList<NetPosition> after)
    {
        var old = before.ToDictionary(p => p.CityId, StringComparer.Ordinal);
        var now = after.ToDictionary(p => p.CityId, StringComparer.Ordinal);
        return old.Keys.Union(now.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => new PositionChange(
                id,
                (now.GetValueOrDefault(id)?.FairShareFen ?? 0) - (old.GetValueOrDefault(id)?.FairShareFen ?? 0),
                (now.GetValueOrDefault(id)?.NetFen ?? 0) - (old.GetValueOrDefault(id)?.NetFen ?? 0)))
            .Where(c => c.FairShareChangeFen != 0 || c.NetChangeFen != 0)
            .ToList();
    }
}
