namespace Platform.Contracts.CostSharing;

/// <summary>The values of <see cref="SettlementInstruction.Direction"/> (and of the fund's <c>SettlementPaid.Direction</c>).</summary>
public static class SettlementDirections
{
    /// <summary>The city owes the clearing account.</summary>
    public const string PayIn = "pay-in";

    /// <summary>The clearing account owes the city.</summary>
    public const string PayOut = "pay-out";
}
