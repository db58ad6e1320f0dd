namespace Platform.Contracts.Communication;

/// <summary>One resource line of a mutual-aid offer: a supply, team or equipment kind, its quantity and unit.</summary>
public sealed record AidItem(string Kind, string Resource, decimal Quantity, string Unit);

/// <summary>
/// A requesting city accepted a provider's offer of mutual aid for an incident. Binding, as in EMAC: the requester reimburses the
/// provider's reasonable, documented costs, which the provider claims under the incident in cost-sharing, referencing
/// <paramref name="AidId"/>. <paramref name="EstimatedCost"/> is in yuan, exact to the fen.
/// </summary>
[IntegrationEvent("communication.aid-accepted", 1)]
public sealed record AidAccepted(
    Guid AidId,
    Guid RequestId,
    Guid OfferId,
    Guid IncidentId,
    string RequesterCityId,
    string ProviderCityId,
    IReadOnlyList<AidItem> Items,
    string Currency,
    decimal EstimatedCost,
    DateTimeOffset AcceptedAt);
