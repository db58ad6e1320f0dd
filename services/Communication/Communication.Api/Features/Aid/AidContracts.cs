using Communication.Api.Domain.Aid;
using Platform.ServiceDefaults.Errors;

namespace Communication.Api.Features.Aid;

public sealed record AidLineRequest(string? Kind, string? Resource, decimal? Quantity, string? Unit);

public sealed record AidRequestRequest(Guid? IncidentId, IReadOnlyList<AidLineRequest>? Items, string? Note);

public sealed record AidOfferRequest(IReadOnlyList<AidLineRequest>? Items, decimal? EstimatedCost, string? Currency);

/// <summary>When the aid left or came back; now when left out.</summary>
public sealed record AidMovementRequest(DateTimeOffset? At);

public static class AidValidation
{
    public static readonly IReadOnlyList<string> Kinds = ["supply", "team", "equipment"];

    public static RequestValidation Lines(this RequestValidation validation, IReadOnlyList<AidLineRequest>? items)
    {
        var lines = items ?? [];
        validation.Require(lines.Count is > 0 and <= 200, "items", "'items' lists 1 to 200 resources.");
        for (var i = 0; i < lines.Count; i++)
        {
            validation.Require(lines[i].Kind is not null && Kinds.Contains(lines[i].Kind), $"items[{i}].kind", "'kind' is supply, team or equipment.");
            validation.RequireText(lines[i].Resource, $"items[{i}].resource", 100);
            validation.Require(lines[i].Quantity is > 0, $"items[{i}].quantity", "'quantity' is above zero.");
            validation.RequireText(lines[i].Unit, $"items[{i}].unit", 20);
        }

        return validation;
    }

    public static List<AidLine> ToLines(IReadOnlyList<AidLineRequest> items) =>
        [.. items.Select(l => new AidLine(l.Kind!, l.Resource!.Trim(), l.Quantity!.Value, l.Unit!.Trim()))];
}

public sealed record AidRequestResponse(
    Guid Id, Guid IncidentId, string RequesterCityId, IReadOnlyList<AidLine> Items, string? Note, DateTimeOffset RequestedAt, IReadOnlyList<AidOfferResponse> Offers)
{
    public static AidRequestResponse From(AidRequest r) =>
        new(r.Id, r.IncidentId, r.RequesterCityId, r.Items, r.Note, r.RequestedAt, [.. r.Offers.Select(AidOfferResponse.From)]);
}

public sealed record AidOfferResponse(
    Guid Id, string ProviderCityId, IReadOnlyList<AidLine> Items, decimal EstimatedCost, string Currency, string Status, Guid? AidId,
    DateTimeOffset OfferedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? DispatchedAt, DateTimeOffset? ReturnedAt)
{
    public static AidOfferResponse From(AidOffer o) => new(
        o.Id, o.ProviderCityId, o.Items, o.EstimatedCost, o.Currency, o.Status.ToString().ToLowerInvariant(), o.AidId, o.OfferedAt, o.AcceptedAt,
        o.DispatchedAt, o.ReturnedAt);
}
