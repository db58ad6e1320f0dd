namespace CostSharing.Api.Domain.Incidents;

/// <summary>The incident lifecycle, in order (docs/cost-sharing.md, Lifecycle).</summary>
public enum IncidentStatus
{
    Reported,
    Confirmed,
    ResponseClosed,
    CostsFinalized,
    Allocated,
    Settled,
}

public static class IncidentStatusNames
{
    public static string Of(IncidentStatus status) => status switch
    {
        IncidentStatus.Reported => "reported",
        IncidentStatus.Confirmed => "confirmed",
        IncidentStatus.ResponseClosed => "response-closed",
        IncidentStatus.CostsFinalized => "costs-finalized",
        IncidentStatus.Allocated => "allocated",
        IncidentStatus.Settled => "settled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
