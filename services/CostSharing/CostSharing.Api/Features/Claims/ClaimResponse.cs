using CostSharing.Api.Domain.Claims;

namespace CostSharing.Api.Features.Claims;

public sealed record ClaimResponse(
    Guid Id,
    Guid IncidentId,
    string CityId,
    string Currency,
    IReadOnlyList<ClaimLine> Lines,
    decimal ClaimedAmount,
    decimal Insurance,
    decimal Subsidies,
    string Status,
    decimal? ApprovedAmount,
    decimal NetApprovedSpend,
    string? DecisionReason,
    DateTimeOffset? DecidedAt,
    int Revision,
    IReadOnlyList<ClaimRevisionResponse> History,
    DateTimeOffset FiledAt,
    DateTimeOffset UpdatedAt,
    Guid? AidId = null)
{
    public static ClaimResponse From(CostClaim c) => new(
        c.Id, c.IncidentId, c.CityId, c.Currency, c.Lines, c.ClaimedAmount, c.Insurance, c.Subsidies, StatusName(c.Status), c.ApprovedAmount,
        c.NetApprovedSpend, c.DecisionReason, c.DecidedAt, c.Revision,
        c.History.Select(h => new ClaimRevisionResponse(h.Revision, h.Change, h.Lines, h.Insurance, h.Subsidies, StatusName(h.Status), h.ApprovedAmount, h.Reason, h.At, h.By)).ToList(),
        c.FiledAt, c.UpdatedAt, c.AidId);

    public static string StatusName(ClaimStatus status) => status switch
    {
        ClaimStatus.Submitted => "submitted",
        ClaimStatus.Approved => "approved",
        ClaimStatus.PartlyApproved => "partly-approved",
        ClaimStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

public sealed record ClaimRevisionResponse(
    int Revision, string Change, IReadOnlyList<ClaimLine> Lines, decimal Insurance, decimal Subsidies, string Status,
    decimal? ApprovedAmount, string? Reason, DateTimeOffset At, string By);
