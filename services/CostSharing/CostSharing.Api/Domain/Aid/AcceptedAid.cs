using Platform.Contracts;

namespace CostSharing.Api.Domain.Aid;

/// <summary>
/// Mutual aid accepted in communication for an incident (EMAC: binding, the requester reimburses the provider's reasonable,
/// documented costs; docs/domain.md §3.2). The provider may claim under the incident referencing <see cref="Id"/>; the cost counts
/// as the requester's spend in the allocation, because the requester is the one who reimburses it.
/// </summary>
public sealed class AcceptedAid
{
    public Guid Id { get; set; }

    public Guid IncidentId { get; set; }

    public string RequesterCityId { get; set; } = string.Empty;

    public string ProviderCityId { get; set; } = string.Empty;

    public decimal EstimatedCost { get; set; }

    public string Currency { get; set; } = Currencies.Cny;

    public DateTimeOffset AcceptedAt { get; set; }
}

/// <summary>A warning escalated in communication and the reported incident it opened here: one incident per warning.</summary>
public sealed class EscalatedWarning
{
    public Guid Id { get; set; }

    public Guid? IncidentId { get; set; }

    /// <summary>Why no incident was opened (no agreement covers the sender and category), for the coordinator to see.</summary>
    public string? NotOpenedBecause { get; set; }
}
