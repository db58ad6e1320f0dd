using Platform.Contracts;

namespace Communication.Api.Domain.Aid;

/// <summary>
/// A city's request for resources for an incident, and the offers other cities make (resource coordination, 资源协同). Accepting
/// an offer is binding, as in EMAC: the requester reimburses the provider's reasonable, documented costs (docs/domain.md §3.2),
/// which the provider claims under the incident in cost-sharing referencing the aid. Dispatch and return are recorded.
/// </summary>
public sealed class AidRequest
{
    public Guid Id { get; set; }

    public Guid IncidentId { get; set; }

    public string RequesterCityId { get; set; } = string.Empty;

    public List<AidLine> Items { get; set; } = [];

    public string? Note { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public List<AidOffer> Offers { get; set; } = [];

    public static AidRequest Open(Guid id, Guid incidentId, string requesterCityId, IReadOnlyList<AidLine> items, string? note, DateTimeOffset now) =>
        new() { Id = id, IncidentId = incidentId, RequesterCityId = requesterCityId, Items = [.. items], Note = note, RequestedAt = now };

    public AidOffer Offer(Guid offerId, string providerCityId, IReadOnlyList<AidLine> items, decimal estimatedCost, string currency, DateTimeOffset now)
    {
        if (providerCityId == RequesterCityId)
        {
            throw new AidRuleException("Own request", "A city does not offer aid to its own request.");
        }

        var offer = new AidOffer
        {
            Id = offerId, ProviderCityId = providerCityId, Items = [.. items], EstimatedCost = estimatedCost, Currency = currency,
            Status = AidOfferStatus.Offered, OfferedAt = now,
        };
        Offers.Add(offer);
        return offer;
    }

    /// <summary>The requester accepts an offer; the accepted aid gets its own id, the one the provider's claim references.</summary>
    public AidOffer Accept(Guid offerId, Guid aidId, DateTimeOffset now)
    {
        var offer = Find(offerId);
        Require(offer, AidOfferStatus.Offered, "be accepted");
        offer.Status = AidOfferStatus.Accepted;
        offer.AidId = aidId;
        offer.AcceptedAt = now;
        return offer;
    }

    public AidOffer Dispatch(Guid offerId, DateTimeOffset at)
    {
        var offer = Find(offerId);
        Require(offer, AidOfferStatus.Accepted, "be dispatched");
        if (at < offer.AcceptedAt)
        {
            throw new AidRuleException("Dispatch before acceptance", $"Aid cannot leave ({at:O}) before it was accepted ({offer.AcceptedAt:O}).");
        }

        offer.Status = AidOfferStatus.Dispatched;
        offer.DispatchedAt = at;
        return offer;
    }

    public AidOffer Return(Guid offerId, DateTimeOffset at)
    {
        var offer = Find(offerId);
        Require(offer, AidOfferStatus.Dispatched, "be returned");
        if (at < offer.DispatchedAt)
        {
            throw new AidRuleException("Return before dispatch", $"Aid cannot come back ({at:O}) before it left ({offer.DispatchedAt:O}).");
        }

        offer.Status = AidOfferStatus.Returned;
        offer.ReturnedAt = at;
        return offer;
    }

    public AidOffer Find(Guid offerId) =>
        Offers.SingleOrDefault(o => o.Id == offerId) ?? throw new AidRuleException("Unknown offer", $"Request {Id} has no offer {offerId}.", notFound: true);

    private static void Require(AidOffer offer, AidOfferStatus expected, string action)
    {
        if (offer.Status != expected)
        {
            throw new AidRuleException("Wrong offer state", $"Offer {offer.Id} is {offer.Status.ToString().ToLowerInvariant()}; only an {expected.ToString().ToLowerInvariant()} offer may {action}.", conflict: true);
        }
    }
}

/// <summary>One offer of aid by a provider city.</summary>
public sealed class AidOffer
{
    public Guid Id { get; set; }

    public string ProviderCityId { get; set; } = string.Empty;

    public List<AidLine> Items { get; set; } = [];

    /// <summary>In yuan, exact to the fen: the reasonable cost the provider expects to claim.</summary>
    public decimal EstimatedCost { get; set; }

    public string Currency { get; set; } = Currencies.Cny;

    public AidOfferStatus Status { get; set; }

    public Guid? AidId { get; set; }

    public DateTimeOffset OfferedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }
}

public enum AidOfferStatus
{
    Offered,
    Accepted,
    Dispatched,
    Returned,
}

/// <summary>One resource line: a supply, team or equipment kind, the resource, its quantity and unit.</summary>
public sealed record AidLine(string Kind, string Resource, decimal Quantity, string Unit);

/// <summary>A broken rule of mutual aid: 422, or 409 for a wrong state, or 404 for an unknown offer.</summary>
public sealed class AidRuleException(string title, string detail, bool conflict = false, bool notFound = false) : Exception(detail)
{
    public string Title { get; } = title;

    public bool Conflict { get; } = conflict;

    public bool NotFound { get; } = notFound;
}
