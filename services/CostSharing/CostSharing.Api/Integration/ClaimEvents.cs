using CostSharing.Api.Domain.Claims;
using Platform.Contracts.CostSharing;

namespace CostSharing.Api.Integration;

/// <summary>An approval (in full or in part) is published; the fund and evaluation see approved costs per city.</summary>
internal static class ClaimEvents
{
    public static ClaimApproved ToApproved(this CostClaim c) =>
        new(c.Id, c.IncidentId, c.CityId, c.Currency, c.ClaimedAmount, c.ApprovedAmount!.Value, c.Insurance + c.Subsidies, c.DecidedAt!.Value);
}
