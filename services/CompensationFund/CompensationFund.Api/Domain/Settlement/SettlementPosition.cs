using Platform.Contracts.CostSharing;
namespace CompensationFund.Api.Domain.Settlement;

public enum SettlementDirection
{
    /// <summary>The city pays its net amount into the clearing account.</summary>
    PayIn,

    /// <summary>The clearing account pays the city its net amount.</summary>
    PayOut,
}

/// <summary>
/// One city's position in an allocation's settlement, in signed fen (positive: the city owes the clearing account,
/// negative: it is owed): what the allocation and its corrections obliged, and what has been paid either way.
/// </summary>
public sealed class SettlementPosition
{
    public string CityId { get; set; } = string.Empty;

    public long Obligated { get; set; }

    public long Settled { get; set; }

    public DateOnly DueDate { get; set; }

    public DateOnly? SettledOn { get; set; }

    public long Outstanding => Obligated - Settled;

    public SettlementDirection? Direction => Outstanding switch
    {
        > 0 => SettlementDirection.PayIn,
        < 0 => SettlementDirection.PayOut,
        _ => null,
    };

    public static string Name(SettlementDirection direction) => direction == SettlementDirection.PayIn ? SettlementDirections.PayIn : SettlementDirections.PayOut;

    public static SettlementDirection? Parse(string text) => text switch
    {
        SettlementDirections.PayIn => SettlementDirection.PayIn,
        SettlementDirections.PayOut => SettlementDirection.PayOut,
        _ => null,
    };
}

/// <summary>A settlement instruction as the fund reads it: a city, a signed amount in fen (pay-in positive), a due date.</summary>
public sealed record SettlementInstructionLine(string CityId, long SignedAmount, DateOnly DueDate);
