using Platform.Contracts;

namespace Evaluation.Api.Domain.Incidents;

/// <summary>
/// An incident as evaluation knows it from cost-sharing's events: who took part (the subjects of its activity round),
/// when its response closed, and each city's cost input from the allocation in force (approved spend, yuan).
/// </summary>
public sealed class EvaluatedIncident
{
    public Guid Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public List<string> CityIds { get; set; } = [];

    public DateTimeOffset? ResponseClosedAt { get; set; }

    public Guid? AllocationId { get; set; }

    public DateTimeOffset? AllocationFinalizedAt { get; set; }

    public string Currency { get; set; } = Currencies.Cny;

    public Dictionary<string, decimal> CostInputs { get; set; } = [];

    /// <summary>
    /// Keeps the latest allocation's figures: a correction finalized later replaces them, a redelivered or older one
    /// changes nothing.
    /// </summary>
    public bool RecordAllocation(Guid allocationId, DateTimeOffset finalizedAt, string currency, IReadOnlyDictionary<string, decimal> approvedSpend)
    {
        if (AllocationFinalizedAt is { } applied && applied >= finalizedAt)
        {
            return false;
        }

        (AllocationId, AllocationFinalizedAt, Currency) = (allocationId, finalizedAt, currency);
        CostInputs = new(approvedSpend, StringComparer.Ordinal);
        return true;
    }
}
