using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Domain.Settlement;

namespace CompensationFund.Api.Features.Settlements;

public sealed record PositionResponse(string CityId, string? Direction, decimal Obligated, decimal Settled, decimal Outstanding, DateOnly DueDate, DateOnly? SettledOn)
{
    public static PositionResponse From(SettlementPosition p) => new(
        p.CityId, p.Direction is { } d ? SettlementPosition.Name(d) : null, Fen.ToYuan(p.Obligated), Fen.ToYuan(p.Settled),
        Fen.ToYuan(p.Outstanding), p.DueDate, p.SettledOn);
}

public sealed record AdjustmentResponse(Guid AllocationId, Guid? EntryId, string Reason, IReadOnlyDictionary<string, decimal> Differences);

/// <summary>
/// An allocation's settlement: each city's signed position (positive: it owes the clearing account), the posting entry and
/// the corrections. A city sees only its own position.
/// </summary>
public sealed record SettlementResponse(
    Guid AllocationId, Guid IncidentId, string Currency, Guid? EntryId, Guid? Supersedes, Guid? SupersededBy,
    IReadOnlyList<PositionResponse> Positions, IReadOnlyList<AdjustmentResponse> Adjustments, DateTimeOffset FinalizedAt)
{
    public static SettlementResponse From(AllocationSettlement s, string? onlyCity = null) => new(
        s.Id, s.IncidentId, s.Currency, s.EntryId, s.Supersedes, s.SupersededBy,
        [.. s.Positions.Where(p => onlyCity is null || p.CityId == onlyCity).OrderBy(p => p.CityId, StringComparer.Ordinal).Select(PositionResponse.From)],
        onlyCity is null
            ? [.. s.Adjustments.Select(a => new AdjustmentResponse(a.AllocationId, a.EntryId, a.Reason, a.Differences.ToDictionary(d => d.Key, d => Fen.ToYuan(d.Value))))]
            : [],
        s.FinalizedAt);
}
